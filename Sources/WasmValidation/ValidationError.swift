/// Why a module is not valid: the testsuite's words for the broken rule, and where it broke.
///
/// `message` starts with the phrase the official testsuite expects (for example "type mismatch" or
/// "unknown local 3"); a detail may follow after a colon.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, beginning with the testsuite's words.
    public var message: String
    /// The module-wide index (imports first) of the function whose body is invalid, if any.
    public var functionIndex: UInt32?
    /// The module-relative byte offset of the offending instruction, when known.
    public var offset: Int?
    /// True when the module uses something valid that this engine does not implement (garbage
    /// collection types): the error then says nothing about the module's validity.
    public var isUnsupported = false

    /// An error with its message and, for errors inside a function body, where it happened.
    public init(_ message: String, functionIndex: UInt32? = nil, offset: Int? = nil) {
        self.message = message
        self.functionIndex = functionIndex
        self.offset = offset
    }

    /// `0xOFFSET: message (function N)` like the decoder's errors when the offset is known,
    /// otherwise the message, prefixed with the function if known.
    public var description: String {
        switch (offset, functionIndex) {
        case (let offset?, let function?): return "0x\(String(offset, radix: 16)): \(message) (function \(function))"
        case (let offset?, nil): return "0x\(String(offset, radix: 16)): \(message)"
        case (nil, let function?): return "function \(function): \(message)"
        case (nil, nil): return message
        }
    }
}
