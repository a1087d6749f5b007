/// The stringOps operations on byte strings, whichever backend runs them.
///
/// Strings are compared and searched as their UTF-8 bytes: results never depend on locale or on
/// Unicode normalization, and offsets count bytes, not characters.
public protocol StringOperations: Sendable {
    /// The backend that answers this value's calls right now.
    var backend: ExecutionBackend { get }

    /// The 32-bit FNV-1a hash of the bytes (2166136261 for no bytes).
    func hash(_ bytes: [UInt8]) throws(HostingError) -> UInt32

    /// Compares byte by byte as unsigned values: -1 if `first` sorts before `second`, 0 if they are
    /// equal, 1 if it sorts after. A proper prefix sorts before the longer string.
    func compare(_ first: [UInt8], _ second: [UInt8]) throws(HostingError) -> Int

    /// The byte offset of the first occurrence of `needle` in `haystack`, 0 for an empty needle,
    /// or nil when there is none.
    func search(_ haystack: [UInt8], for needle: [UInt8]) throws(HostingError) -> Int?

    /// The FNV-1a hash of the string's UTF-8 bytes.
    func hash(_ text: String) throws(HostingError) -> UInt32

    /// Compares the strings' UTF-8 bytes: -1, 0 or 1.
    func compare(_ first: String, _ second: String) throws(HostingError) -> Int

    /// The UTF-8 byte offset of the first occurrence of `needle` in `haystack`, or nil.
    func search(_ haystack: String, for needle: String) throws(HostingError) -> Int?
}

/// By default the string operations pass the strings' UTF-8 bytes as arrays.
extension StringOperations {
    /// The FNV-1a hash of the string's UTF-8 bytes.
    public func hash(_ text: String) throws(HostingError) -> UInt32 {
        try hash(Array(text.utf8))
    }

    /// Compares the strings' UTF-8 bytes: -1, 0 or 1.
    public func compare(_ first: String, _ second: String) throws(HostingError) -> Int {
        try compare(Array(first.utf8), Array(second.utf8))
    }

    /// The UTF-8 byte offset of the first occurrence of `needle` in `haystack`, or nil.
    public func search(_ haystack: String, for needle: String) throws(HostingError) -> Int? {
        try search(Array(haystack.utf8), for: Array(needle.utf8))
    }
}
