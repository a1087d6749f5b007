/// What every scalar numeric instruction of WebAssembly 2.0 computes, written once as pure
/// functions over raw bit patterns.
///
/// The interpreter's handlers, and the tests, call these and nothing else for numeric
/// semantics, so there is exactly one place that decides what `i32.div_s` or `f64.nearest`
/// means. Each function is named after its `NumericOperation` case (`i32DivS`, `f32ConvertI64U`,
/// `i64TruncSatF64U`, …).
///
/// Conventions:
/// - i32 and i64 values are `UInt32`/`UInt64`; signed operations reinterpret the bits.
/// - f32 and f64 values are their IEEE 754 bit patterns (`UInt32`/`UInt64`) in and out, so a NaN's
///   sign and payload survive wherever the spec keeps them (`abs`, `neg`, `copysign`,
///   reinterpretation).
/// - Tests and comparisons return an i32: `1` for true, `0` for false.
/// - Operations that can trap throw the `TrapReason` the testsuite names.
///
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html
enum NumericSemantics {}

extension NumericSemantics {
    /// The sign bit of an f32.
    static let f32SignBit: UInt32 = 0x8000_0000
    /// The sign bit of an f64.
    static let f64SignBit: UInt64 = 0x8000_0000_0000_0000
    /// The quiet bit of an f32 NaN (the top bit of the significand).
    static let f32QuietBit: UInt32 = 0x0040_0000
    /// The quiet bit of an f64 NaN (the top bit of the significand).
    static let f64QuietBit: UInt64 = 0x0008_0000_0000_0000

    /// Whether `bits` is an f32 NaN.
    @inline(__always)
    static func f32IsNaN(_ bits: UInt32) -> Bool {
        bits & ~f32SignBit > 0x7F80_0000
    }

    /// Whether `bits` is an f64 NaN.
    @inline(__always)
    static func f64IsNaN(_ bits: UInt64) -> Bool {
        bits & ~f64SignBit > 0x7FF0_0000_0000_0000
    }

    /// An i32 boolean: 1 for true, 0 for false.
    @inline(__always)
    static func bool(_ condition: Bool) -> UInt32 {
        condition ? 1 : 0
    }
}

/// Lets the numeric functions throw the bare reason (`throws(TrapReason)`), which is cheap to
/// build and to match in the interpreter's handlers; the embedder sees it wrapped in a `Trap`.
extension TrapReason: Error {}
