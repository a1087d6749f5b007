import Testing
import WasmBinary
import WasmValidation

/// Function-body rules that depend on the module: declared references, memories, tables, data
/// and element segments, and SIMD lanes.
struct ReferenceAndMemoryTests {
    static let withMemory = module { $0.memories = [MemoryType(limits: Limits(min: 1))] }

    @Test func refFuncNeedsAReferenceOutsideFunctionBodies() throws {
        #expect(fails(with: "undeclared function reference") { try validateFunction([.refFunc(functionIndex: 0), .drop, .end]) })
        let exported = module { $0.exports = [Export(name: "f", descriptor: .function(0))] }
        try validateFunction([.refFunc(functionIndex: 0), .drop, .end], in: exported)
        let declared = module {
            $0.elements = [ElementSegment(type: .funcref, initializers: [ConstantExpression([.refFunc(functionIndex: 0)])], mode: .declarative)]
        }
        try validateFunction([.refFunc(functionIndex: 0), .drop, .end], in: declared)
        let inGlobal = module {
            $0.globals = [Global(type: GlobalType(valueType: .funcref, mutability: .constant), initializer: ConstantExpression([.refFunc(functionIndex: 0)]))]
        }
        try validateFunction([.refFunc(functionIndex: 0), .drop, .end], in: inGlobal)
        #expect(fails(with: "unknown function 1") { try validateFunction([.refFunc(functionIndex: 1), .drop, .end], in: exported) })
    }

    @Test func memoryInstructionsNeedMemoryAndNaturalAlignment() throws {
        let load = Instruction.load(.i64Load32U, MemoryArgument(alignment: 2, offset: 0))
        try validateFunction([.i32Const(0), load, .drop, .end], in: Self.withMemory)
        #expect(fails(with: "unknown memory 0") { try validateFunction([.i32Const(0), load, .drop, .end]) })
        #expect(fails(with: "unknown memory 0") { try validateFunction([.memorySize(memoryIndex: 0), .drop, .end]) })
        #expect(fails(with: "alignment must not be larger than natural") {
            try validateFunction([.i32Const(0), .load(.i64Load32U, MemoryArgument(alignment: 3, offset: 0)), .drop, .end], in: Self.withMemory)
        })
        #expect(fails(with: "alignment must not be larger than natural") {
            try validateFunction([.i32Const(0), .i32Const(0), .store(.i32Store8, MemoryArgument(alignment: 1, offset: 0)), .end], in: Self.withMemory)
        })
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(0), .i64Const(0), .store(.i32Store, MemoryArgument(alignment: 2, offset: 0)), .end], in: Self.withMemory)
        })
    }

    @Test func dataSegmentsNeedTheDataCountSection() throws {
        var counted = Self.withMemory
        counted.dataCount = 1
        counted.data = [DataSegment(bytes: [1, 2], mode: .passive)]
        try validateFunction([.i32Const(0), .i32Const(0), .i32Const(2), .memoryInit(dataIndex: 0, memoryIndex: 0), .dataDrop(dataIndex: 0), .end], in: counted)
        #expect(fails(with: "unknown data segment 1") { try validateFunction([.dataDrop(dataIndex: 1), .end], in: counted) })
        var withoutMemory = counted
        withoutMemory.memories = []
        try validateFunction([.dataDrop(dataIndex: 0), .end], in: withoutMemory)
        #expect(fails(with: "unknown memory 0") {
            try validateFunction([.i32Const(0), .i32Const(0), .i32Const(2), .memoryInit(dataIndex: 0, memoryIndex: 0), .end], in: withoutMemory)
        })
        var uncounted = counted
        uncounted.dataCount = nil
        #expect(fails(with: "data count section required") { try validateFunction([.dataDrop(dataIndex: 0), .end], in: uncounted) })
    }

    @Test func tableInstructionsCheckElementTypes() throws {
        let tables = module {
            $0.tables = [TableDefinition(type: TableType(elementType: .funcref, limits: Limits(min: 1))), TableDefinition(type: TableType(elementType: .externref, limits: Limits(min: 1)))]
            $0.elements = [ElementSegment(type: .externref, initializers: [], mode: .passive)]
        }
        try validateFunction([.i32Const(0), .refNull(.extern), .i32Const(1), .tableFill(tableIndex: 1), .end], in: tables)
        try validateFunction([.i32Const(0), .i32Const(0), .i32Const(0), .tableInit(elementIndex: 0, tableIndex: 1), .end], in: tables)
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(0), .i32Const(0), .i32Const(0), .tableInit(elementIndex: 0, tableIndex: 0), .end], in: tables)
        })
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(0), .i32Const(0), .i32Const(0), .tableCopy(destinationTable: 0, sourceTable: 1), .end], in: tables)
        })
        #expect(fails(with: "type mismatch") {
            try validateFunction([.i32Const(0), .refNull(.extern), .tableSet(tableIndex: 0), .end], in: tables)
        })
        #expect(fails(with: "unknown elem segment 3") { try validateFunction([.elemDrop(elementIndex: 3), .end], in: tables) })
        #expect(fails(with: "unknown table 2") { try validateFunction([.tableSize(tableIndex: 2), .drop, .end], in: tables) })
    }

    @Test func laneIndicesAreBelowTheLaneCount() throws {
        let vector = Instruction.v128Const(V128(low: 0, high: 0))
        try validateFunction([vector, .simdLane(.i16x8ExtractLaneS, lane: 7), .drop, .end])
        #expect(fails(with: "invalid lane index") { try validateFunction([vector, .simdLane(.i16x8ExtractLaneS, lane: 8), .drop, .end]) })
        #expect(fails(with: "type mismatch") { try validateFunction([vector, .simdLane(.f64x2ExtractLane, lane: 1), .end]) })
        try validateFunction([vector, .f64Const(bits: 0), .simdLane(.f64x2ReplaceLane, lane: 1), .drop, .end])
        #expect(fails(with: "type mismatch") {
            try validateFunction([vector, .f32Const(bits: 0), .simdLane(.f64x2ReplaceLane, lane: 1), .drop, .end])
        })
        var lanes = V128(low: 0x1F1F_1F1F_1F1F_1F1F, high: 0)
        try validateFunction([vector, vector, .i8x16Shuffle(lanes: lanes), .drop, .end])
        lanes.high = 0x20 << 56
        #expect(fails(with: "invalid lane index") { try validateFunction([vector, vector, .i8x16Shuffle(lanes: lanes), .drop, .end]) })
        let laneLoad = Instruction.simdMemoryLane(.v128Load32Lane, MemoryArgument(alignment: 2, offset: 0), lane: 4)
        #expect(fails(with: "invalid lane index") { try validateFunction([.i32Const(0), vector, laneLoad, .drop, .end], in: Self.withMemory) })
    }

    @Test func vectorMemoryAccessTypes() throws {
        let load = Instruction.simdMemory(.v128Load64Splat, MemoryArgument(alignment: 3, offset: 0))
        try validateFunction([.i32Const(0), load, .drop, .end], in: Self.withMemory)
        #expect(fails(with: "alignment must not be larger than natural") {
            try validateFunction([.i32Const(0), .simdMemory(.v128Load64Splat, MemoryArgument(alignment: 4, offset: 0)), .drop, .end], in: Self.withMemory)
        })
        let store = Instruction.simdMemory(.v128Store, MemoryArgument(alignment: 4, offset: 0))
        try validateFunction([.i32Const(0), .v128Const(V128(low: 0, high: 0)), store, .end], in: Self.withMemory)
        #expect(fails(with: "type mismatch") { try validateFunction([.i32Const(0), .i64Const(0), store, .end], in: Self.withMemory) })
    }
}
