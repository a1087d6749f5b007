import WasmBinary

/// Lane-wise shifts by a scalar count, taken modulo the lane width.
/// Spec: https://webassembly.github.io/spec/core/exec/instructions.html#xref-syntax-instructions-syntax-instr-vec-mathsf-shl
extension SIMDSemantics {
    @inline(__always)
    static func shl<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ count: UInt64, _ type: T.Type) -> V128 {
        let n = Int(count % UInt64(T.bitWidth))
        return .map(a, T.self) { $0 << n }
    }

    @inline(__always)
    static func shrU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ count: UInt64, _ type: T.Type) -> V128 {
        let n = Int(count % UInt64(T.bitWidth))
        return .map(a, T.self) { $0 >> n }
    }

    /// Arithmetic shift: the sign bit fills the vacated bits.
    @inline(__always)
    static func shrS<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ count: UInt64, _ type: T.Type) -> V128 {
        let n = Int(count % UInt64(T.bitWidth))
        return .map(a, T.self) { $0 >> (T.bitWidth - 1) != 0 ? ~(~$0 >> n) : $0 >> n }
    }
}
