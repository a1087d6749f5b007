/// One WebAssembly 3.0 instruction with its immediates, as decoded from a function body or a
/// constant expression (garbage-collection instructions aside). Numeric, memory and SIMD
/// operations are grouped by their operation tables (`NumericOperation`, `LoadOperation`,
/// `StoreOperation`, `SIMDOperation`, `RelaxedSIMDOperation`, ...), each of which defines its
/// opcode, name and operand types once.
public enum Instruction: Equatable, Sendable {
    // Control
    case unreachable
    case nop
    case block(BlockType)
    case loop(BlockType)
    case `if`(BlockType)
    case `else`
    case end
    case br(labelIndex: UInt32)
    case brIf(labelIndex: UInt32)
    case brTable(BranchTable)
    case `return`
    case call(functionIndex: UInt32)
    case callIndirect(typeIndex: UInt32, tableIndex: UInt32)

    // Tail calls and typed function references
    case returnCall(functionIndex: UInt32)
    case returnCallIndirect(typeIndex: UInt32, tableIndex: UInt32)
    /// `call_ref $t`: calls the function reference on top of the stack, of type `$t`.
    case callRef(typeIndex: UInt32)
    case returnCallRef(typeIndex: UInt32)
    /// `br_on_null l`: branches when the reference is null, else leaves it non-null.
    case brOnNull(labelIndex: UInt32)
    /// `br_on_non_null l`: branches with the reference when it is not null, else drops it.
    case brOnNonNull(labelIndex: UInt32)

    // Exceptions
    case `throw`(tagIndex: UInt32)
    case throwRef
    /// `try_table bt catch*`: a block whose exceptions the clauses send to labels.
    case tryTable(BlockType, [CatchClause])
    /// The legacy exception instructions (`try ... catch ... end`, `delegate`, `rethrow`).
    case `try`(BlockType)
    case `catch`(tagIndex: UInt32)
    case catchAll
    case delegate(labelIndex: UInt32)
    case rethrow(labelIndex: UInt32)

    // References
    case refNull(HeapType)
    case refIsNull
    case refFunc(functionIndex: UInt32)
    case refAsNonNull

    // Parametric
    case drop
    /// `select` without a type immediate (numeric and vector operands only).
    case select
    /// `select t*`: the types as encoded (validation requires exactly one).
    case typedSelect([ValueType])

    // Variables
    case localGet(UInt32)
    case localSet(UInt32)
    case localTee(UInt32)
    case globalGet(UInt32)
    case globalSet(UInt32)

    // Tables
    case tableGet(tableIndex: UInt32)
    case tableSet(tableIndex: UInt32)
    case tableInit(elementIndex: UInt32, tableIndex: UInt32)
    case elemDrop(elementIndex: UInt32)
    case tableCopy(destinationTable: UInt32, sourceTable: UInt32)
    case tableGrow(tableIndex: UInt32)
    case tableSize(tableIndex: UInt32)
    case tableFill(tableIndex: UInt32)

    // Memory
    case load(LoadOperation, MemoryArgument)
    case store(StoreOperation, MemoryArgument)
    case memorySize(memoryIndex: UInt32)
    case memoryGrow(memoryIndex: UInt32)
    case memoryInit(dataIndex: UInt32, memoryIndex: UInt32)
    case dataDrop(dataIndex: UInt32)
    case memoryCopy(destinationMemory: UInt32, sourceMemory: UInt32)
    case memoryFill(memoryIndex: UInt32)

    // Numeric
    case i32Const(Int32)
    case i64Const(Int64)
    /// An `f32.const`, by its bit pattern (so NaN payloads survive).
    case f32Const(bits: UInt32)
    /// An `f64.const`, by its bit pattern (so NaN payloads survive).
    case f64Const(bits: UInt64)
    case numeric(NumericOperation)
    /// 128-bit addition and subtraction and widening multiplication (the wide-arithmetic proposal).
    case wideArithmetic(WideArithmeticOperation)

    // Vector (SIMD)
    case v128Const(V128)
    case i8x16Shuffle(lanes: V128)
    /// A SIMD load or store without a lane immediate (`v128.load`, `v128.load8x8_s`, `v128.load32_zero`, ...).
    case simdMemory(SIMDMemoryOperation, MemoryArgument)
    /// `v128.loadN_lane` / `v128.storeN_lane`.
    case simdMemoryLane(SIMDMemoryLaneOperation, MemoryArgument, lane: UInt8)
    /// `extract_lane` / `replace_lane` operations.
    case simdLane(SIMDLaneOperation, lane: UInt8)
    /// Every other SIMD operation: no immediates.
    case simd(SIMDOperation)
    /// The relaxed SIMD operations: no immediates.
    case relaxedSIMD(RelaxedSIMDOperation)
}

/// One clause of `try_table`: which exceptions it catches and the label it sends them to.
public enum CatchClause: Hashable, Sendable {
    /// `catch x l`: exceptions with tag `x`, their values to label `l`.
    case `catch`(tagIndex: UInt32, labelIndex: UInt32)
    /// `catch_ref x l`: exceptions with tag `x`, their values and the exception to label `l`.
    case catchReference(tagIndex: UInt32, labelIndex: UInt32)
    /// `catch_all l`: every exception, nothing to label `l`.
    case catchAll(labelIndex: UInt32)
    /// `catch_all_ref l`: every exception, the exception to label `l`.
    case catchAllReference(labelIndex: UInt32)

    /// The label the clause branches to.
    public var labelIndex: UInt32 {
        switch self {
        case .catch(_, let label), .catchReference(_, let label), .catchAll(let label), .catchAllReference(let label):
            return label
        }
    }
}

/// The immediates of `br_table`: the label for each index, and the default label.
public struct BranchTable: Equatable, Sendable {
    /// The label to branch to for each operand value 0, 1, 2, ..., as relative label depths.
    public var labelIndices: [UInt32]
    /// The label to branch to when the operand is past the end of `labelIndices`.
    public var defaultIndex: UInt32

    /// A branch table with these labels and default label.
    public init(labelIndices: [UInt32], defaultIndex: UInt32) {
        self.labelIndices = labelIndices
        self.defaultIndex = defaultIndex
    }
}

/// A memory instruction's immediates: the alignment exponent, the static offset and the memory.
public struct MemoryArgument: Equatable, Sendable {
    /// The static offset in bytes, added to the address operand. (Declared first, so that the
    /// struct packs into 16 bytes and `Instruction` stays small.)
    public var offset: UInt64
    /// log2 of the alignment the instruction promises.
    public var alignment: UInt32
    /// The memory accessed (0 unless the module has several).
    public var memoryIndex: UInt32

    /// Immediates with this alignment exponent, byte offset and memory index.
    public init(alignment: UInt32, offset: UInt64, memoryIndex: UInt32 = 0) {
        self.alignment = alignment
        self.offset = offset
        self.memoryIndex = memoryIndex
    }
}

/// A 128-bit vector value, as 16 little-endian bytes.
public struct V128: Hashable, Sendable {
    /// Low 64 bits (bytes 0 to 7).
    public var low: UInt64
    /// High 64 bits (bytes 8 to 15).
    public var high: UInt64

    /// A vector from its low and high 64-bit halves.
    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// A vector from 16 bytes in memory order.
    public init(bytes: [UInt8]) {
        precondition(bytes.count == 16, "a v128 has 16 bytes")
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        for i in 0..<8 {
            lo |= UInt64(bytes[i]) << (8 * UInt64(i))
            hi |= UInt64(bytes[i + 8]) << (8 * UInt64(i))
        }
        self.init(low: lo, high: hi)
    }

    /// The 16 bytes in memory order.
    public var bytes: [UInt8] {
        (0..<16).map { i in
            i < 8 ? UInt8(truncatingIfNeeded: low >> (8 * UInt64(i))) : UInt8(truncatingIfNeeded: high >> (8 * UInt64(i - 8)))
        }
    }
}
