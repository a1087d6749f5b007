/// Numbers written as the text format writes them (`-0x7f`, `1_000`, `0x1p-3`, `-inf`,
/// `-nan`, `nan:0x200000`), for tools that read values outside a module, such as command-line
/// arguments. The same parsing as `i32.const`, `f32.const`, … in a module.
/// <https://webassembly.github.io/spec/core/text/values.html>
public enum NumericLiteral {
    /// Why a literal was refused.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not a number in the text format's syntax.
        case invalid
        /// A number that does not fit the type: an integer outside the type's signed and
        /// unsigned range, a finite float that rounds to infinity, a NaN payload out of range.
        case outOfRange

        public var description: String {
            switch self {
            case .invalid: return "not a number"
            case .outOfRange: return "out of range"
            }
        }
    }

    /// The bit pattern of an `iN` literal (N is 32 or 64): signed values from -2^(N-1),
    /// unsigned ones up to 2^N - 1.
    public static func integerBits(_ text: String, bits: Int) throws(Failure) -> UInt64 {
        precondition(bits == 32 || bits == 64, "integer literals are 32 or 64 bits")
        return try unwrap(IntegerLiteral.bitPattern(text, bits: bits))
    }

    /// The bit pattern of an `f32` literal, rounded to nearest-even; the sign and payload of a
    /// NaN are kept.
    public static func f32Bits(_ text: String) throws(Failure) -> UInt32 {
        try unwrap(FloatLiteral.f32Bits(text))
    }

    /// The bit pattern of an `f64` literal, rounded to nearest-even; the sign and payload of a
    /// NaN are kept.
    public static func f64Bits(_ text: String) throws(Failure) -> UInt64 {
        try unwrap(FloatLiteral.f64Bits(text))
    }

    private static func unwrap<T>(_ parsed: IntegerLiteral.Parsed<T>) throws(Failure) -> T {
        switch parsed {
        case .value(let value): return value
        case .outOfRange: throw .outOfRange
        case .invalid: throw .invalid
        }
    }
}
