import Testing
import WasmBinary
@testable import WasmValidation

/// WebAssembly 3.0's rules: typed references and subtyping, local initialisation, tail calls,
/// exceptions, several and 64-bit memories and tables, tags, and what needs garbage collection.
struct WebAssembly3ValidationTests {
    static func ref(_ index: UInt32, nullable: Bool = false) -> ValueType {
        .ref(ReferenceType(.concrete(index), isNullable: nullable))
    }

    static let nonNullFunc = ValueType.ref(.functionReference)

    /// Type 0 `[] -> []` (the function's), type 1 `[i32] -> [i32]`, and a function 1 of type 1
    /// that `ref.func` may take.
    static func typed(_ configure: (inout Module) -> Void = { _ in }) -> Module {
        module(types: [FunctionType(), FunctionType([.i32], [.i32])]) {
            $0.functionTypeIndices.append(1)
            $0.codes.append(FunctionBody(locals: [], code: [0x0B]))
            $0.exports = [Export(name: "f", descriptor: .function(1))]
            configure(&$0)
        }
    }

    @Test func functionReferencesAreTypedAndSubtyped() throws {
        // ref.func gives (ref $t), which is a funcref too.
        try validateFunction([.refFunc(functionIndex: 1), .drop, .end], in: Self.typed())
        try validateFunction([.refFunc(functionIndex: 1), .localSet(0), .end], in: Self.typed(), locals: [LocalGroup(count: 1, type: .funcref)])
        // call_ref $t takes [t1* (ref null $t)].
        try validateFunction([.i32Const(1), .refFunc(functionIndex: 1), .callRef(typeIndex: 1), .drop, .end], in: Self.typed())
        #expect(fails(with: "type mismatch") {
            try validateFunction([.refFunc(functionIndex: 1), .callRef(typeIndex: 0), .end], in: Self.typed())
        })
        // A funcref is not a (ref $t): no downcasts without garbage collection.
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(1), .refNull(.func), .callRef(typeIndex: 1), .drop, .end], in: Self.typed())
        })
        #expect(fails(with: "unknown type 9") { try validateFunction([.refNull(.concrete(9)), .drop, .end], in: Self.typed()) })
    }

    @Test func nullBranchesRefineTheReference() throws {
        let locals = [LocalGroup(count: 1, type: .funcref)]
        // br_on_null leaves a non-null reference; ref.as_non_null makes one.
        try validateFunction([.block(.empty), .localGet(0), .brOnNull(labelIndex: 0), .localSet(1), .end, .end],
                             in: Self.typed(), locals: locals + [LocalGroup(count: 1, type: Self.nonNullFunc)])
        try validateFunction([.localGet(0), .refAsNonNull, .localSet(1), .end],
                             in: Self.typed(), locals: locals + [LocalGroup(count: 1, type: Self.nonNullFunc)])
        #expect(fails(with: "type mismatch") {
            try validateFunction([.localGet(0), .localSet(1), .end], in: Self.typed(), locals: locals + [LocalGroup(count: 1, type: Self.nonNullFunc)])
        })
        // br_on_non_null needs a label whose last type takes the non-null reference.
        try validateFunction([.block(.value(Self.nonNullFunc)), .localGet(0), .brOnNonNull(labelIndex: 0), .unreachable, .end, .drop, .end],
                             in: Self.typed(), locals: locals)
        #expect(fails(with: "type mismatch") {
            try validateFunction([.block(.empty), .localGet(0), .brOnNonNull(labelIndex: 0), .end, .end], in: Self.typed(), locals: locals)
        })
        #expect(fails(with: "type mismatch") { try validateFunction([.i32Const(0), .refAsNonNull, .drop, .end]) })
    }

    /// A non-defaultable local is unset until `local.set`/`local.tee`, and only for the rest of
    /// the block that set it.
    @Test func nonDefaultableLocalsMustBeSetBeforeUse() throws {
        let locals = [LocalGroup(count: 1, type: Self.nonNullFunc)]
        try validateFunction([.refFunc(functionIndex: 1), .localSet(0), .localGet(0), .drop, .end], in: Self.typed(), locals: locals)
        #expect(fails(with: "uninitialized local") { try validateFunction([.localGet(0), .drop, .end], in: Self.typed(), locals: locals) })
        #expect(fails(with: "uninitialized local") {
            try validateFunction([.block(.empty), .refFunc(functionIndex: 1), .localSet(0), .end, .localGet(0), .drop, .end],
                                 in: Self.typed(), locals: locals)
        })
        #expect(fails(with: "uninitialized local") {
            try validateFunction([.i32Const(1), .if(.empty), .refFunc(functionIndex: 1), .localSet(0), .else, .localGet(0), .drop, .end, .end],
                                 in: Self.typed(), locals: locals)
        })
    }

    @Test func tailCallsReturnWhatTheCallerReturns() throws {
        let module = module(types: [FunctionType([], [.i32]), FunctionType([.i32], [.i32]), FunctionType([], [.i64])]) {
            $0.functionTypeIndices += [1, 2]
            $0.codes += [FunctionBody(locals: [], code: [0x0B]), FunctionBody(locals: [], code: [0x0B])]
        }
        try validateFunction([.i32Const(1), .returnCall(functionIndex: 1), .end], in: module)
        #expect(fails(with: "type mismatch") { try validateFunction([.returnCall(functionIndex: 2), .end], in: module) })
        #expect(fails(with: "unknown function 7") { try validateFunction([.returnCall(functionIndex: 7), .end], in: module) })
    }

    @Test func exceptionsTypeTheirValuesAndLabels() throws {
        let withTag = module(types: [FunctionType(), FunctionType([.i32], [])]) { $0.tags = [TagType(typeIndex: 1)] }
        try validateFunction([.i32Const(1), .throw(tagIndex: 0), .end], in: withTag)
        #expect(fails(with: "unknown tag 3") { try validateFunction([.throw(tagIndex: 3), .end], in: withTag) })
        // catch sends the tag's i32 to the block's label; catch_all_ref an exnref.
        try validateFunction([.block(.value(.i32)), .tryTable(.empty, [.catch(tagIndex: 0, labelIndex: 0)]), .end, .unreachable, .end, .drop, .end],
                             in: withTag)
        #expect(fails(with: "type mismatch") {
            try validateFunction([.block(.empty), .tryTable(.empty, [.catch(tagIndex: 0, labelIndex: 0)]), .end, .end, .end], in: withTag)
        })
        try validateFunction([.block(.value(.exnref)), .tryTable(.empty, [.catchAllReference(labelIndex: 0)]), .end, .unreachable, .end, .throwRef, .end],
                             in: withTag)
        // Legacy: catch opens a branch with the tag's values; rethrow names a catch.
        try validateFunction([.try(.empty), .catch(tagIndex: 0), .drop, .catchAll, .rethrow(labelIndex: 0), .end, .end], in: withTag)
        #expect(fails(with: "invalid rethrow label") { try validateFunction([.block(.empty), .rethrow(labelIndex: 0), .end, .end], in: withTag) })
        try validateFunction([.block(.empty), .try(.empty), .delegate(labelIndex: 0), .end, .end], in: withTag)
        #expect(fails(with: "non-empty tag result type") {
            _ = try ModuleContext(module: module(types: [FunctionType(), FunctionType([], [.i32])]) { $0.tags = [TagType(typeIndex: 1)] })
        })
    }

    @Test func memoryInstructionsNameTheirMemoryAndItsAddressType() throws {
        let memories = module {
            $0.memories = [MemoryType(limits: Limits(min: 1)), MemoryType(limits: Limits(min: 1), addressType: .i64)]
        }
        try validateFunction([.i64Const(0), .load(.i32Load, MemoryArgument(alignment: 2, offset: 1 << 40, memoryIndex: 1)), .drop, .end], in: memories)
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(0), .load(.i32Load, MemoryArgument(alignment: 2, offset: 0, memoryIndex: 1)), .drop, .end], in: memories)
        })
        #expect(fails(with: "offset out of range") {
            try validateFunction([.i32Const(0), .load(.i32Load, MemoryArgument(alignment: 2, offset: 1 << 32)), .drop, .end], in: memories)
        })
        // memory.copy from the 64-bit memory into the 32-bit one counts in i32.
        try validateFunction([.i32Const(0), .i64Const(0), .i32Const(0), .memoryCopy(destinationMemory: 0, sourceMemory: 1), .end], in: memories)
        try validateFunction([.memorySize(memoryIndex: 1), .memoryGrow(memoryIndex: 1), .drop, .end], in: memories)
        #expect(fails(with: "unknown memory 2") { try validateFunction([.memorySize(memoryIndex: 2), .drop, .end], in: memories) })
        #expect(fails(with: "memory size must be at most 2^48 pages") {
            _ = try ModuleContext(module: module { $0.memories = [MemoryType(limits: Limits(min: (1 << 48) + 1), addressType: .i64)] })
        })
        #expect(fails(with: "invalid custom page size") {
            _ = try ModuleContext(module: module { $0.memories = [MemoryType(limits: Limits(min: 0), pageSizeLog2: 3)] })
        })
    }

    @Test func tablesMayBeTypedSixtyFourBitAndInitialised() throws {
        let table = TableType(elementType: .functionReference, limits: Limits(min: 1), addressType: .i64)
        let initialised = Self.typed { $0.tables = [TableDefinition(type: table, initializer: ConstantExpression([.refFunc(functionIndex: 1)]))] }
        try validateFunction([.i64Const(0), .tableGet(tableIndex: 0), .drop, .tableSize(tableIndex: 0), .drop, .end], in: initialised)
        #expect(fails(with: "type mismatch") { try validateFunction([.i32Const(0), .tableGet(tableIndex: 0), .drop, .end], in: initialised) })
        #expect(fails(with: "type mismatch") { _ = try ModuleContext(module: Self.typed { $0.tables = [TableDefinition(type: table)] }) })
    }

    /// Equivalent recursion groups define the same types; declared supertypes make subtypes.
    @Test func recursiveTypesAreCanonical() throws {
        let selfReferring = DefinedType(.function(FunctionType([Self.ref(0, nullable: true)], [])))
        let selfReferringToo = DefinedType(.function(FunctionType([Self.ref(1, nullable: true)], [])))
        var module = Module()
        module.types = [selfReferring, selfReferringToo]
        let context = try ModuleContext(module: module)
        #expect(context.canonicalTypeID(of: 0) == context.canonicalTypeID(of: 1))
        #expect(context.isSubtype(Self.ref(0), of: Self.ref(1, nullable: true)))
        #expect(!context.isSubtype(Self.ref(0, nullable: true), of: Self.ref(1)))

        var subtyped = Module()
        subtyped.types = [
            DefinedType(.function(FunctionType([.i32], [Self.ref(0, nullable: true)])), isFinal: false),
            DefinedType(.function(FunctionType([.i32], [Self.ref(1)])), supertypes: [0]),
        ]
        let sub = try ModuleContext(module: subtyped)
        #expect(sub.isSubtype(Self.ref(1), of: Self.ref(0)))
        #expect(!sub.isSubtype(Self.ref(0), of: Self.ref(1)))
        subtyped.types[0].isFinal = true
        #expect(fails(with: "sub type") { _ = try ModuleContext(module: subtyped) })
    }

    @Test func garbageCollectionIsUnsupportedNotInvalid() {
        var structs = Module()
        structs.types = [DefinedType(.struct([]))]
        #expect(throws: ValidationError.self) { _ = try ModuleContext(module: structs) }
        do {
            _ = try ModuleContext(module: structs)
        } catch {
            #expect(error.isUnsupported)
        }
        let anyref = module { $0.globals = [Global(type: GlobalType(valueType: .ref(ReferenceType(.any, isNullable: true)), mutability: .constant),
                                                     initializer: ConstantExpression([.refNull(.any)]))] }
        do {
            _ = try ModuleContext(module: anyref)
            Issue.record("anyref validated")
        } catch {
            #expect(error.isUnsupported)
        }
    }

    @Test func wideArithmeticAndRelaxedSIMDHaveTheirSignatures() throws {
        try validateFunction([.i64Const(1), .i64Const(2), .i64Const(3), .i64Const(4), .wideArithmetic(.i64Add128), .drop, .drop, .end])
        #expect(fails(with: "type mismatch") { try validateFunction([.i64Const(1), .i64Const(2), .wideArithmetic(.i64Sub128), .drop, .drop, .end]) })
        let vector = Instruction.v128Const(V128(low: 0, high: 0))
        try validateFunction([vector, vector, vector, .relaxedSIMD(.f32x4RelaxedMadd), .drop, .end])
        #expect(fails(with: "type mismatch") { try validateFunction([vector, .relaxedSIMD(.f32x4RelaxedMin), .drop, .end]) })
    }
}
