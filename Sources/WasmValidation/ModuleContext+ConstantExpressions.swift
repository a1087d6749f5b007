import WasmBinary

extension ModuleContext {
    /// A constant expression uses only constants, `ref.null`, `ref.func`, `global.get` of an
    /// immutable global among the first `visibleGlobals`, and the extended constant instructions
    /// (`i32`/`i64` `add`, `sub`, `mul`); it leaves exactly one value, of a subtype of `expected`.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions>
    ///
    /// Without extended constants (WebAssembly 2.0) only imported globals are visible and the
    /// arithmetic is not constant.
    func validateConstant(_ expression: ConstantExpression, type expected: ValueType, visibleGlobals: Int) throws(ValidationError) {
        let extended = features.contains(.extendedConstants)
        let visibleGlobals = extended ? visibleGlobals : importedGlobalCount
        // First every instruction must be constant, then the expression must type-check (the
        // reference interpreter's order, so the first error reported is the same).
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const, .i64Const, .f32Const, .f64Const, .v128Const, .refNull, .refFunc:
                continue
            case .numeric(let operation) where extended && operation.isExtendedConstant:
                continue
            case .globalGet(let index):
                guard Int(index) < visibleGlobals else { throw ValidationError("unknown global \(index)") }
                guard globals[Int(index)].mutability == .constant else {
                    throw ValidationError("constant expression required: global \(index) is mutable")
                }
            default:
                throw ValidationError("constant expression required")
            }
        }
        var stack: [OperandType] = []
        stack.reserveCapacity(2)
        func pop(_ type: OperandType) throws(ValidationError) {
            guard let top = stack.popLast() else {
                throw ValidationError("type mismatch: constant expression expected \(type.description), found nothing")
            }
            guard top == type else {
                throw ValidationError("type mismatch: constant expression expected \(type.description), found \(top.description)")
            }
        }
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const: stack.append(.i32)
            case .i64Const: stack.append(.i64)
            case .f32Const: stack.append(.f32)
            case .f64Const: stack.append(.f64)
            case .v128Const: stack.append(.v128)
            case .refNull(let heapType):
                try Self.validate(heapType, typeCount: typeCount)
                stack.append(OperandType(ReferenceType(heapType, isNullable: true)))
            case .refFunc(let index):
                guard Int(index) < functionCount else { throw ValidationError("unknown function \(index)") }
                stack.append(OperandType(ReferenceType(.concrete(functionTypeIndices[Int(index)]), isNullable: false)))
            case .globalGet(let index): stack.append(OperandType(globals[Int(index)].valueType))
            case .numeric(let operation):
                let type = OperandType(operation.signature.result)
                try pop(type)
                try pop(type)
                stack.append(type)
            default: continue  // Rejected by the loop above.
            }
        }
        guard stack.count == 1, let top = stack.first, matcher.matches(top, OperandType(expected)) else {
            let found = stack.count == 1 ? stack[0].description : "\(stack.count) values"
            throw ValidationError("type mismatch: constant expression must produce \(expected), found \(found)")
        }
    }
}

extension NumericOperation {
    /// True for the arithmetic that extended constant expressions allow: `i32`/`i64` `add`, `sub`
    /// and `mul`.
    var isExtendedConstant: Bool {
        switch self {
        case .i32Add, .i32Sub, .i32Mul, .i64Add, .i64Sub, .i64Mul: return true
        default: return false
        }
    }
}
