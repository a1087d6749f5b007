/// A value passed to or returned by a benchmark kernel, independent of any engine's value type.
enum KernelValue: Equatable, Sendable, CustomStringConvertible {
    case i32(UInt32)
    case i64(UInt64)
    case f64(Double)

    /// An i32 from a signed integer.
    static func int32(_ value: Int32) -> KernelValue { .i32(UInt32(bitPattern: value)) }

    /// Whether `actual` is this expected result: integers bit for bit, f64 to the 9 decimals
    /// the kernels README prints.
    func matches(_ actual: KernelValue) -> Bool {
        switch (self, actual) {
        case (.f64(let expected), .f64(let value)): return abs(expected - value) <= 5e-10
        default: return self == actual
        }
    }

    /// The bare number: "30", "-0.169079859".
    var literal: String {
        switch self {
        case .i32(let bits): return "\(bits)"
        case .i64(let bits): return "\(bits)"
        case .f64(let value): return "\(value)"
        }
    }

    var description: String {
        switch self {
        case .i32(let bits): return "\(bits) (i32 \(Int32(bitPattern: bits)))"
        case .i64(let bits): return "\(bits) (i64)"
        case .f64(let value): return "\(value) (f64)"
        }
    }
}
