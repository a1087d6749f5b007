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
        // Almost every expression is one instruction (an element segment may hold millions):
        // those are checked without an array.
        if let instruction = expression.singleInstruction {
            try checkConstant(instruction, extended: extended, visibleGlobals: visibleGlobals)
            if let type = try producedType(instruction) {
                guard matcher.matches(type, OperandType(expected)) else {
                    throw ValidationError("type mismatch: constant expression must produce \(expected), found \(type.description)")
                }
                return
            }
        }
        // First every instruction must be constant, then the expression must type-check (the
        // reference interpreter's order, so the first error reported is the same).
        let instructions = expression.instructions
        for instruction in instructions {
            try checkConstant(instruction, extended: extended, visibleGlobals: visibleGlobals)
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
        for instruction in instructions {
            if let type = try producedType(instruction) {
                stack.append(type)
            } else if case .numeric(let operation) = instruction {
                let type = OperandType(operation.signature.result)
                try pop(type)
                try pop(type)
                stack.append(type)
            }
        }
        guard stack.count == 1, let top = stack.first, matcher.matches(top, OperandType(expected)) else {
            let found = stack.count == 1 ? stack[0].description : "\(stack.count) values"
            throw ValidationError("type mismatch: constant expression must produce \(expected), found \(found)")
        }
    }

    /// Throws unless `instruction` may appear in a constant expression.
    func checkConstant(_ instruction: Instruction, extended: Bool, visibleGlobals: Int) throws(ValidationError) {
        switch instruction {
        case .i32Const, .i64Const, .f32Const, .f64Const, .v128Const, .refNull, .refFunc:
            return
        case .numeric(let operation) where extended && operation.isExtendedConstant:
            return
        case .globalGet(let index):
            guard Int(index) < visibleGlobals else { throw ValidationError("unknown global \(index)") }
            guard globals[Int(index)].mutability == .constant else {
                throw ValidationError("constant expression required: global \(index) is mutable")
            }
        default:
            throw ValidationError("constant expression required")
        }
    }

    /// The type of the value a constant instruction pushes without popping any, or nil (the
    /// extended arithmetic, which `validateConstant` types on its stack).
    func producedType(_ instruction: Instruction) throws(ValidationError) -> OperandType? {
        switch instruction {
        case .i32Const: return .i32
        case .i64Const: return .i64
        case .f32Const: return .f32
        case .f64Const: return .f64
        case .v128Const: return .v128
        case .refNull(let heapType):
            try Self.validate(heapType, typeCount: typeCount)
            return OperandType(ReferenceType(heapType, isNullable: true))
        case .refFunc(let index):
            guard Int(index) < functionCount else { throw ValidationError("unknown function \(index)") }
            return OperandType(ReferenceType(.concrete(functionTypeIndices[Int(index)]), isNullable: false))
        case .globalGet(let index): return OperandType(globals[Int(index)].valueType)
        default: return nil
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
