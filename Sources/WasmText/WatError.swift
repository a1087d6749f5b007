/// A failure to read WebAssembly text: what went wrong and where (1-based line and column).
public struct WatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in the testsuite's words where it has them.
    public var reason: Reason
    /// The 1-based line of the error.
    public var line: Int
    /// The 1-based column of the error.
    public var column: Int

    /// An error for `reason` at `line` and `column` (both 1-based).
    public init(_ reason: Reason, line: Int, column: Int) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// The kinds of text-format errors.
    public enum Reason: Equatable, Sendable {
        /// A token the grammar does not allow here.
        case unexpectedToken(String)
        /// The text ended inside a construct.
        case unexpectedEnd
        /// A keyword (or malformed token) where an instruction or immediate was expected.
        case unknownOperator(String)
        /// A `$label` no enclosing block has.
        case unknownLabel(String)
        /// A `$type` no type definition has, or a numeric type index that cannot be checked.
        case unknownType(String)
        /// A `$name` not bound in the index space `kind` ("func", "local", "table", ...).
        case unknownIdentifier(kind: String, name: String)
        /// A `$name` bound twice in the index space `kind`.
        case duplicateIdentifier(kind: String, name: String)
        /// A numeric constant outside its type's range (or a float literal rounding to infinity).
        case constantOutOfRange
        /// An unsigned immediate (limit, index, offset) too large for its `bits`-bit field.
        case immediateOutOfRange(bits: Int)
        /// `v128.const` with too few or too many lanes for its shape.
        case wrongLaneCount
        /// `i8x16.shuffle` without exactly 16 lane indices.
        case invalidLaneLength
        /// A lane index that is not a literal below 256.
        case malformedLaneIndex
        /// A token that is not a constant of the expected type.
        case invalidConstant(expected: String)
        /// A type use whose inline signature differs from the type it names.
        case inlineFunctionType
        /// `end $l` or `else $l` naming another label than the block's.
        case mismatchingLabel
        /// `align=` with a value that is not a power of two.
        case alignmentNotPowerOfTwo
        /// `(pagesize n)` with `n` not a power of two.
        case invalidCustomPageSize
        /// A string with a bad escape, a control character, or no closing quote.
        case malformedString(String)
        /// A name (import, export) that is not valid UTF-8, or malformed UTF-8 in a string.
        case malformedUTF8
        /// A block comment `(;` without its `;)`.
        case unclosedComment
        /// A string without its closing quote.
        case unclosedString
        /// An annotation `(@...` without its closing parenthesis.
        case unclosedAnnotation
        /// `(@` not followed by an id.
        case emptyAnnotationID
        /// `$` not followed by a name.
        case emptyIdentifier
        /// A control character, or a non-ASCII one outside strings and comments.
        case illegalCharacter
        /// Well-formed text that this engine does not implement (garbage collection); says nothing
        /// about the module's validity.
        case unsupported(String)
        /// An import after a definition of the given kind ("function", "table", ...).
        case importAfterDefinition(String)
        /// Anything else, with its message.
        case other(String)
    }

    /// The error's message without its position, in the testsuite's words where it has them.
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
        case .invalidCustomPageSize: return "invalid custom page size"
        case .malformedString(let detail): return "malformed string: \(detail)"
        case .malformedUTF8: return "malformed UTF-8 encoding"
        case .unclosedComment: return "unclosed comment"
        case .unclosedString: return "unclosed string"
        case .unclosedAnnotation: return "unclosed annotation"
        case .emptyAnnotationID: return "empty annotation id"
        case .emptyIdentifier: return "empty identifier"
        case .illegalCharacter: return "illegal character"
        case .unsupported(let feature): return "unsupported: \(feature)"
        case .importAfterDefinition(let kind): return "import after \(kind)"
        case .malformedLaneIndex: return "malformed lane index"
        case .other(let text): return text
        }
    }

    public var description: String { "\(line):\(column): \(message)" }

    /// True when the text uses something this engine does not implement, rather than being malformed.
    public var isUnsupported: Bool {
        if case .unsupported = reason { return true }
        return false
    }
}
