import WasmBinary

/// Instruction mnemonics looked up in the instruction set's own tables (built once), for the
/// instructions whose text is a keyword plus immediates the table says how to read.
enum InstructionNames {
    /// Instructions that take no immediates.
    static let plain: [String: Instruction] = {
        var table: [String: Instruction] = [
            "unreachable": .unreachable, "nop": .nop, "return": .return, "drop": .drop,
            "ref.is_null": .refIsNull, "ref.as_non_null": .refAsNonNull, "throw_ref": .throwRef,
        ]
        for operation in NumericOperation.allCases { table[operation.name] = .numeric(operation) }
        for operation in WideArithmeticOperation.allCases { table[operation.name] = .wideArithmetic(operation) }
        for operation in SIMDOperation.allCases { table[operation.name] = .simd(operation) }
        for operation in RelaxedSIMDOperation.allCases { table[operation.name] = .relaxedSIMD(operation) }
        return table
    }()

    static let loads: [String: LoadOperation] = byName(LoadOperation.allCases, \.name)
    static let stores: [String: StoreOperation] = byName(StoreOperation.allCases, \.name)
    static let simdMemory: [String: SIMDMemoryOperation] =
        byName(SIMDMemoryOperation.allCases, \.name)
    static let simdMemoryLane: [String: SIMDMemoryLaneOperation] =
        byName(SIMDMemoryLaneOperation.allCases, \.name)
    static let simdLane: [String: SIMDLaneOperation] =
        byName(SIMDLaneOperation.allCases, \.name)
}

/// A table from names to operations (the first wins should a name ever repeat).
private func byName<Operation>(_ operations: [Operation], _ name: (Operation) -> String) -> [String: Operation] {
    Dictionary(operations.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
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
