import WasmBinary

/// Instruction mnemonics looked up in the instruction set's own tables (built once), for the
/// instructions whose text is a keyword plus immediates the table says how to read.
enum InstructionNames {
    /// Instructions that take no immediates.
    static let plain: [String: Instruction] = {
        var table: [String: Instruction] = [
            "unreachable": .unreachable, "nop": .nop, "return": .return, "drop": .drop,
            "ref.is_null": .refIsNull, "memory.size": .memorySize, "memory.grow": .memoryGrow,
            "memory.copy": .memoryCopy, "memory.fill": .memoryFill,
        ]
        for operation in NumericOperation.allCases { table[operation.name] = .numeric(operation) }
        for operation in SIMDOperation.allCases { table[operation.name] = .simd(operation) }
        return table
    }()

    static let loads: [String: LoadOperation] = Dictionary(uniqueKeysWithValues: LoadOperation.allCases.map { ($0.name, $0) })
    static let stores: [String: StoreOperation] = Dictionary(uniqueKeysWithValues: StoreOperation.allCases.map { ($0.name, $0) })
    static let simdMemory: [String: SIMDMemoryOperation] =
        Dictionary(uniqueKeysWithValues: SIMDMemoryOperation.allCases.map { ($0.name, $0) })
    static let simdMemoryLane: [String: SIMDMemoryLaneOperation] =
        Dictionary(uniqueKeysWithValues: SIMDMemoryLaneOperation.allCases.map { ($0.name, $0) })
    static let simdLane: [String: SIMDLaneOperation] =
        Dictionary(uniqueKeysWithValues: SIMDLaneOperation.allCases.map { ($0.name, $0) })
}

/// What is in scope while parsing instructions: local names and the enclosing block labels.
struct FunctionContext {
    var locals = IndexSpace(kind: "local")
    /// Enclosing labels, innermost last (nil for unnamed blocks).
    var labels: [String?] = []
    /// How deeply blocks and folded instructions nest here (bounded so hostile input cannot exhaust the stack).
    var depth = 0
    static let maximumDepth = 2_000

    /// Enters one level of nesting, failing past `maximumDepth`.
    mutating func enter(at token: Token) throws(WatError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw WatError(.other("instructions nested more than \(Self.maximumDepth) deep"), line: token.line, column: token.column)
        }
    }
}
