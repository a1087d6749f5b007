import WasmBinary

extension ModuleContext {
    /// A constant expression uses only `t.const`, `ref.null`, `ref.func` and `global.get` of an
    /// imported immutable global, and leaves exactly one value of the expected type.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions>
    func validateConstant(_ expression: ConstantExpression, type expected: ValueType) throws(ValidationError) {
        // First every instruction must be constant, then the expression must type-check (the
        // reference interpreter's order, so the first error reported is the same).
        let instructions = expression.instructions
        for instruction in instructions {
            switch instruction {
            case .i32Const, .i64Const, .f32Const, .f64Const, .v128Const, .refNull, .refFunc:
                continue
            case .globalGet(let index):
                // Only imported globals are visible to constant expressions.
                guard Int(index) < importedGlobalCount else { throw ValidationError("unknown global \(index)") }
                guard globals[Int(index)].mutability == .constant else {
                    throw ValidationError("constant expression required: global \(index) is mutable")
                }
            default:
                throw ValidationError("constant expression required")
            }
        }
        var count = 0
        var top: ValueType?
        for instruction in instructions {
            switch instruction {
            case .i32Const: top = .i32
            case .i64Const: top = .i64
            case .f32Const: top = .f32
            case .f64Const: top = .f64
            case .v128Const: top = .v128
            case .refNull(let type): top = .ref(type)
            case .refFunc(let index):
                guard Int(index) < functionCount else { throw ValidationError("unknown function \(index)") }
                top = .funcref
            case .globalGet(let index): top = globals[Int(index)].valueType
            default: continue  // Rejected by the loop above.
            }
            count += 1
        }
        guard count == 1, let top, top == expected else {
            let found = count == 1 ? top.map(\.description) ?? "" : "\(count) values"
            throw ValidationError("type mismatch: constant expression must produce \(expected), found \(found)")
        }
    }
}
