import WasmBinary
import WasmInterpreter

extension ExpectedValue {
    /// Whether `value` is a result this expectation accepts.
    ///
    /// Floats compare bit for bit (so `-0` differs from `0` and NaN payloads count) unless a NaN
    /// pattern is expected; vectors compare lane by lane the same way.
    public func matches(_ value: Value) -> Bool {
        switch (self, value) {
        case (.exact(.ref(.null(let expected))), .ref(.null(let actual))):
            // Null references compare by hierarchy: a function's declared result type may be a
            // concrete or bottom type where the script names the hierarchy's top.
            return expected.heapType.hierarchy == actual.heapType.hierarchy
        case (.exact(let expected), _):
            return expected == value
        case (.f32NaN(let pattern), .f32(let bits)):
            return pattern.matches(f32: bits)
        case (.f64NaN(let pattern), .f64(let bits)):
            return pattern.matches(f64: bits)
        case (.vector(let shape, let patterns), .v128(let vector)):
            let lanes = shape.lanes(of: vector)
            guard patterns.count == lanes.count else { return false }
            return zip(patterns, lanes).allSatisfy { pattern, lane in
                switch pattern {
                case .bits(let bits): return bits & shape.laneMask == lane
                case .nan(let nan):
                    switch shape {
                    case .f32x4: return nan.matches(f32: UInt32(truncatingIfNeeded: lane))
                    case .f64x2: return nan.matches(f64: lane)
                    case .i8x16, .i16x8, .i32x4, .i64x2: return false
                    }
                }
            }
        case (.anyFunctionReference, .ref(.function)):
            return true
        case (.anyExternReference, .ref(.extern)):
            return true
        case (.anyNullReference, .ref(.null)):
            return true
        case (.either(let alternatives), _):
            return alternatives.contains { $0.matches(value) }
        default:
            return false
        }
    }
}

extension HeapType {
    /// The top of the hierarchy this heap type belongs to (concrete types are functions here).
    var hierarchy: HeapType {
        switch self {
        case .func, .noFunc, .concrete: return .func
        case .extern, .noExtern: return .extern
        case .exn, .noExn: return .exn
        case .any, .eq, .i31, .struct, .array, .noAny: return .any
        }
    }
}

extension NaNPattern {
    /// Whether the f32 with these bits is a NaN of this pattern.
    public func matches(f32 bits: UInt32) -> Bool {
        let magnitude = bits & 0x7fff_ffff
        switch self {
        case .canonical: return magnitude == 0x7fc0_0000
        case .arithmetic: return magnitude & 0x7fc0_0000 == 0x7fc0_0000
        }
    }

    /// Whether the f64 with these bits is a NaN of this pattern.
    public func matches(f64 bits: UInt64) -> Bool {
        let magnitude = bits & 0x7fff_ffff_ffff_ffff
        switch self {
        case .canonical: return magnitude == 0x7ff8_0000_0000_0000
        case .arithmetic: return magnitude & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000
        }
    }
}
