/// A failure to read WebAssembly text: what went wrong and where (1-based line and column).
public struct WatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in the testsuite's words where it has them.
    public var reason: Reason
    public var line: Int
    public var column: Int

    public init(_ reason: Reason, line: Int, column: Int) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// The kinds of text-format errors.
    public enum Reason: Equatable, Sendable {
        case unexpectedToken(String)
        case unexpectedEnd
        case unknownOperator(String)
        case unknownLabel(String)
        case unknownType(String)
        case unknownIdentifier(kind: String, name: String)
        case duplicateIdentifier(kind: String, name: String)
        case constantOutOfRange
        /// An unsigned immediate (limit, index, offset) too large for its `bits`-bit field.
        case immediateOutOfRange(bits: Int)
        case wrongLaneCount
        case invalidLaneLength
        case invalidConstant(expected: String)
        case inlineFunctionType
        case mismatchingLabel
        case alignmentNotPowerOfTwo
        case malformedString(String)
        case malformedUTF8
        case unclosedComment
        case importAfterDefinition(String)
        case invalidLaneIndex
        case malformedBinary(String)
        case other(String)
    }

    public var message: String {
        switch reason {
        case .unexpectedToken(let token): return "unexpected token \(token)"
        case .unexpectedEnd: return "unexpected end of input"
        case .unknownOperator(let name): return "unknown operator \(name)"
        case .unknownLabel(let name): return "unknown label \(name)"
        case .unknownType(let name): return "unknown type \(name)"
        case .unknownIdentifier(let kind, let name): return "unknown \(kind) \(name)"
        case .duplicateIdentifier(let kind, let name): return "duplicate \(kind) \(name)"
        case .constantOutOfRange: return "constant out of range"
        case .immediateOutOfRange(let bits): return "i\(bits) constant out of range"
        case .wrongLaneCount: return "wrong number of lane literals"
        case .invalidLaneLength: return "invalid lane length"
        case .invalidConstant(let expected): return "unexpected token, expected \(expected)"
        case .inlineFunctionType: return "inline function type"
        case .mismatchingLabel: return "mismatching label"
        case .alignmentNotPowerOfTwo: return "alignment must be a power of two"
        case .malformedString(let detail): return "malformed string: \(detail)"
        case .malformedUTF8: return "malformed UTF-8 encoding"
        case .unclosedComment: return "unclosed comment"
        case .importAfterDefinition(let kind): return "import after \(kind)"
        case .invalidLaneIndex: return "invalid lane index"
        case .malformedBinary(let detail): return "malformed binary module: \(detail)"
        case .other(let text): return text
        }
    }

    public var description: String { "\(line):\(column): \(message)" }
}
