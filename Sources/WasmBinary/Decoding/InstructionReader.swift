/// Reads the instructions of one function body (or constant expression) one at a time.
///
/// ```swift
/// var reader = InstructionReader(code: body.code, baseOffset: body.codeOffset)
/// while !reader.isAtEnd {
///     let instruction = try reader.next()
///     …
/// }
/// ```
public struct InstructionReader: Sendable {
    var reader: ByteReader

    /// A reader over `code`; `baseOffset` is the module offset of `code[0]`, used in errors and
    /// in `offset`; `features` are the instructions accepted beyond 2.0.
    public init(code: [UInt8], baseOffset: Int = 0, features: WasmFeatures = .all) {
        reader = ByteReader(bytes: code, baseOffset: baseOffset, isInsideSection: true, features: features)
    }

    /// The module offset of the next instruction.
    public var offset: Int { reader.offset }

    /// True when every byte of the code has been read.
    public var isAtEnd: Bool { reader.isAtEnd }

    /// Reads the next instruction with its immediates.
    public mutating func next() throws(DecodeError) -> Instruction {
        try reader.readInstruction()
    }
}
