import Testing
import WasmBinary
import WasmValidation

/// Stack typing of function bodies: the spec's algorithm, rule by rule.
struct FunctionValidatorTests {
    static let i32Result = [FunctionType([], [.i32])]

    @Test func acceptsStraightLineArithmetic() throws {
        let validator = try validateFunction(
            [.i32Const(1), .i32Const(2), .numeric(.i32Add), .end], in: module(types: Self.i32Result))
        #expect(validator.isFinished)
        #expect(validator.operandCount == 1)
        #expect(validator.operandType(atDepth: 0) == .i32)
    }

    @Test func rejectsOperandOfWrongType() {
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i64Const(1), .i32Const(2), .numeric(.i32Add), .end], in: module(types: Self.i32Result))
        })
    }

    @Test func rejectsMissingAndLeftoverResults() {
        #expect(fails(with: "type mismatch") { try validateFunction([.end], in: module(types: Self.i32Result)) })
        #expect(fails(with: "type mismatch") { try validateFunction([.i32Const(1), .end]) })
    }

    @Test func stackIsPolymorphicAfterUnreachable() throws {
        // Operands popped past the frame's height are unknown, so any arithmetic type-checks...
        let validator = try validateFunction(
            [.unreachable, .numeric(.i64Add), .numeric(.i64Eqz), .end], in: module(types: Self.i32Result))
        #expect(validator.isFinished)
        // ...but values pushed after the unreachable point are still typed.
        #expect(fails(with: "type mismatch") {
            try validateFunction([.unreachable, .i64Const(0), .numeric(.i32Add), .end], in: module(types: Self.i32Result))
        })
    }

    @Test func unknownOperandsAreReportedAsNil() throws {
        var validator = try FunctionValidator(
            context: ModuleContext(module: module()), functionIndex: 0,
            body: FunctionBody(locals: [], code: [0x0B]))
        try validator.validate(.return, at: 0)
        #expect(validator.isUnreachable)
        try validator.validate(.drop, at: 1)
        try validator.validate(.select, at: 2)
        #expect(validator.operandCount == 1)
        #expect(validator.operandType(atDepth: 0) == nil)
        try validator.validate(.drop, at: 3)
        try validator.validate(.end, at: 4)
        #expect(validator.isFinished)
    }

    @Test func branchesMakeTheRestOfTheBlockUnreachable() throws {
        try validateFunction([.block(.value(.i32)), .i32Const(1), .br(labelIndex: 0), .numeric(.f64Neg), .numeric(.f64Lt), .end, .end],
                             in: module(types: Self.i32Result))
        #expect(fails(with: "type mismatch") {
            try validateFunction([.block(.value(.i32)), .i64Const(1), .br(labelIndex: 0), .end, .end], in: module(types: Self.i32Result))
        })
    }

    @Test func loopLabelsCarryTheParameters() throws {
        let types = [FunctionType([], [.i32]), FunctionType([.i64], [.i32])]
        // br 0 inside the loop jumps back to its start, which takes an i64.
        try validateFunction(
            [.i64Const(0), .loop(.typeIndex(1)), .br(labelIndex: 0), .end, .end], in: module(types: types))
        #expect(fails(with: "type mismatch") {
            try validateFunction(
                [.i64Const(0), .loop(.typeIndex(1)), .drop, .i32Const(0), .br(labelIndex: 0), .end, .end],
                in: module(types: types))
        })
    }

    @Test func multiValueBlockTakesItsParametersFromTheStack() throws {
        let types = [FunctionType([], [.i32]), FunctionType([.i32, .i32], [.i32])]
        let validator = try validateFunction(
            [.i32Const(1), .i32Const(2), .block(.typeIndex(1))], in: module(types: types))
        let frame = validator.controlFrame(atDepth: 0)
        #expect(frame.kind == .block)
        #expect(frame.height == 0)
        #expect(frame.parameterTypes == [.i32, .i32])
        #expect(frame.labelTypes == [.i32])
        #expect(validator.controlDepth == 2)
        #expect(fails(with: "unknown type 9") { try validateFunction([.block(.typeIndex(9)), .end, .end], in: module(types: types)) })
    }

    @Test func controlFramesDescribeTheOpenBlocks() throws {
        let validator = try validateFunction(
            [.i32Const(1), .if(.value(.i64)), .i64Const(0), .else, .loop(.empty)], in: module(types: Self.i32Result))
        #expect(validator.controlDepth == 3)
        let loop = validator.controlFrame(atDepth: 0)
        #expect(loop.kind == .loop && loop.labelTypes.isEmpty && loop.height == 0)
        let elseFrame = validator.controlFrame(atDepth: 1)
        #expect(elseFrame.kind == .else)
        #expect(elseFrame.parameterTypes.isEmpty && elseFrame.resultTypes == [.i64] && elseFrame.labelTypes == [.i64])
        let function = validator.controlFrame(atDepth: 2)
        #expect(function.kind == .function && function.parameterTypes.isEmpty && function.resultTypes == [.i32])
        #expect(!function.isUnreachable)
    }

    @Test func ifWithoutElseMustReturnItsParameters() throws {
        let types = [FunctionType([], [.i32]), FunctionType([.i32], [.i32])]
        try validateFunction([.i32Const(7), .i32Const(1), .if(.typeIndex(1)), .end, .end], in: module(types: types))
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(1), .if(.value(.i32)), .i32Const(2), .end, .end], in: module(types: types))
        })
        try validateFunction(
            [.i32Const(1), .if(.value(.i32)), .i32Const(2), .else, .i32Const(3), .end, .end], in: module(types: types))
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(1), .if(.value(.i32)), .i32Const(2), .else, .end, .end], in: module(types: types))
        })
    }

    @Test func branchTableTargetsMustAgreeInArity() throws {
        let mixed: [Instruction] = [
            .block(.value(.i32)), .block(.empty), .i32Const(0), .i32Const(0),
            .brTable(BranchTable(labelIndices: [1], defaultIndex: 0)), .end, .i32Const(0), .end, .end,
        ]
        #expect(fails(with: "type mismatch") { try validateFunction(mixed, in: module(types: Self.i32Result)) })
        // Same arity, different types: fine while the operand is unknown, an error once it is typed.
        let unknown: [Instruction] = [
            .block(.value(.i64)), .unreachable, .brTable(BranchTable(labelIndices: [0], defaultIndex: 1)), .end,
            .drop, .i32Const(0), .end,
        ]
        try validateFunction(unknown, in: module(types: Self.i32Result))
        let typed: [Instruction] = [
            .block(.value(.i64)), .unreachable, .i32Const(0), .i32Const(0),
            .brTable(BranchTable(labelIndices: [0], defaultIndex: 1)), .end, .end,
        ]
        #expect(fails(with: "type mismatch") { try validateFunction(typed, in: module(types: Self.i32Result)) })
        #expect(fails(with: "unknown label 5") {
            try validateFunction([.i32Const(0), .brTable(BranchTable(labelIndices: [5], defaultIndex: 0)), .end])
        })
    }

    @Test func selectRules() throws {
        try validateFunction([.f32Const(bits: 0), .f32Const(bits: 0), .i32Const(1), .select, .drop, .end])
        #expect(fails(with: "type mismatch") {
            try validateFunction([.refNull(.func), .refNull(.func), .i32Const(1), .select, .drop, .end])
        })
        #expect(fails(with: "type mismatch") {
            try validateFunction([.unreachable, .refNull(.func), .i32Const(1), .select, .drop, .end])
        })
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(0), .i64Const(0), .i32Const(1), .select, .drop, .end])
        })
        try validateFunction([.refNull(.extern), .refNull(.extern), .i32Const(1), .typedSelect([.externref]), .drop, .end])
        #expect(fails(with: "invalid result arity") {
            try validateFunction([.i32Const(0), .i32Const(0), .i32Const(1), .typedSelect([.i32, .i32]), .drop, .end])
        })
        #expect(fails(with: "invalid result arity") {
            try validateFunction([.i32Const(0), .i32Const(0), .i32Const(1), .typedSelect([]), .drop, .end])
        })
    }

    @Test func localsAreParametersThenDeclaredLocals() throws {
        let types = [FunctionType([.i64], [])]
        let validator = try validateFunction(
            [.localGet(0), .localSet(0), .f32Const(bits: 0), .localTee(1), .drop, .end],
            in: module(types: types), locals: [LocalGroup(count: 2, type: .f32)])
        #expect(validator.locals == [.i64, .f32, .f32])
        #expect(fails(with: "unknown local 3") {
            try validateFunction([.localGet(3), .drop, .end], in: module(types: types), locals: [LocalGroup(count: 2, type: .f32)])
        })
        #expect(fails(with: "too many locals") {
            try validateFunction([.end], locals: [LocalGroup(count: UInt32.max, type: .i32), LocalGroup(count: 5, type: .i32)])
        })
    }

    @Test func nothingMayFollowTheFinalEnd() throws {
        var validator = try validateFunction([.end])
        #expect(validator.isFinished)
        #expect(validator.controlDepth == 0)
        #expect(throws: ValidationError.self) { try validator.validate(.nop, at: 9) }
    }

    @Test func errorsCarryTheFunctionAndOffset() {
        var imported = module()
        imported.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0))]
        do {
            try validateFunction([.nop, .nop, .localGet(0), .end], in: imported)
            Issue.record("expected an error")
        } catch {
            #expect(error.functionIndex == 1)
            #expect(error.offset == 2)
            #expect(error.message == "unknown local 0")
        }
    }

    @Test func callsUseTheCalleeSignature() throws {
        let types = [FunctionType([.i32, .f64], [.i64])]
        var imported = module(types: types)
        imported.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0))]
        try validateFunction([.localGet(0), .localGet(1), .call(functionIndex: 0), .end], in: imported)
        #expect(fails(with: "type mismatch") {
            try validateFunction([.localGet(1), .localGet(0), .call(functionIndex: 0), .end], in: imported)
        })
        #expect(fails(with: "unknown function 2") { try validateFunction([.call(functionIndex: 2), .end], in: imported) })
    }

    @Test func callIndirectNeedsAFuncrefTableAndAKnownType() throws {
        func withTable(_ type: ReferenceType) -> Module {
            module { $0.tables = [TableDefinition(type: TableType(elementType: type, limits: Limits(min: 1)))] }
        }
        try validateFunction([.i32Const(0), .callIndirect(typeIndex: 0, tableIndex: 0), .end], in: withTable(.funcref))
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(0), .callIndirect(typeIndex: 0, tableIndex: 0), .end], in: withTable(.externref))
        })
        #expect(fails(with: "unknown type 3") {
            try validateFunction([.i32Const(0), .callIndirect(typeIndex: 3, tableIndex: 0), .end], in: withTable(.funcref))
        })
        #expect(fails(with: "unknown table 0") {
            try validateFunction([.i32Const(0), .callIndirect(typeIndex: 0, tableIndex: 0), .end])
        })
    }

    @Test func globalsMustExistAndBeMutableToSet() throws {
        let withGlobals = module {
            $0.globals = [
                Global(type: GlobalType(valueType: .i32, mutability: .constant), initializer: ConstantExpression([.i32Const(0)])),
                Global(type: GlobalType(valueType: .i64, mutability: .variable), initializer: ConstantExpression([.i64Const(0)])),
            ]
        }
        try validateFunction([.globalGet(1), .globalSet(1), .end], in: withGlobals)
        #expect(fails(with: "immutable global") { try validateFunction([.i32Const(0), .globalSet(0), .end], in: withGlobals) })
        #expect(fails(with: "unknown global 2") { try validateFunction([.globalGet(2), .drop, .end], in: withGlobals) })
    }

    @Test func refIsNullNeedsAReference() throws {
        try validateFunction([.refNull(.extern), .refIsNull, .drop, .end])
        try validateFunction([.unreachable, .refIsNull, .drop, .end])
        #expect(fails(with: "type mismatch") { try validateFunction([.i32Const(0), .refIsNull, .drop, .end]) })
    }

    @Test func elseAndEndNeedAnOpenFrame() {
        #expect(fails(with: "else without a matching if") { try validateFunction([.block(.empty), .else, .end, .end]) })
    }
}
