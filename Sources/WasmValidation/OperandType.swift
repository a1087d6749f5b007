import WasmBinary

/// A value type as the operand stack stores it: 32 bits, with `unknown` for the values of the
/// polymorphic stack, so that checking an operand is one integer comparison (and a subtype test
/// only when the two differ).
///
/// Layout: 0 is `unknown`; 1 to 5 are `i32`, `i64`, `f32`, `f64`, `v128`; a reference is
/// `16 + heapCode * 2 + (nullable ? 1 : 0)`, where the heap code of an abstract heap type is
/// below 16 (`bot`, the heap type of references made in unreachable code, included) and a type
/// index `x` has heap code `16 + x`.
struct OperandType: Equatable, Sendable {
    var raw: UInt32

    @inline(__always)
    init(raw: UInt32) {
        self.raw = raw
    }

    static let unknown = OperandType(raw: 0)
    static let i32 = OperandType(raw: 1)
    static let i64 = OperandType(raw: 2)
    static let f32 = OperandType(raw: 3)
    static let f64 = OperandType(raw: 4)
    static let v128 = OperandType(raw: 5)
    static let funcref = OperandType(reference: HeapCode.function, isNullable: true)
    static let externref = OperandType(reference: HeapCode.extern, isNullable: true)
    static let exnref = OperandType(reference: HeapCode.exn, isNullable: true)

    /// Heap codes of the abstract heap types.
    enum HeapCode {
        static let function: UInt32 = 0
        static let extern: UInt32 = 1
        static let exn: UInt32 = 2
        static let noFunc: UInt32 = 3
        static let noExtern: UInt32 = 4
        static let noExn: UInt32 = 5
        static let any: UInt32 = 6
        static let eq: UInt32 = 7
        static let i31: UInt32 = 8
        static let `struct`: UInt32 = 9
        static let array: UInt32 = 10
        static let noAny: UInt32 = 11
        /// The heap type of a reference popped from the polymorphic stack.
        static let bot: UInt32 = 12
        /// The heap code of type index 0.
        static let firstTypeIndex: UInt32 = 16
    }

    /// A reference to the heap type with code `heapCode`.
    @inline(__always)
    init(reference heapCode: UInt32, isNullable: Bool) {
        raw = 16 &+ heapCode &* 2 &+ (isNullable ? 1 : 0)
    }

    @inline(__always)
    init(_ type: ValueType) {
        switch type {
        case .i32: self = .i32
        case .i64: self = .i64
        case .f32: self = .f32
        case .f64: self = .f64
        case .v128: self = .v128
        case .ref(let reference): self.init(reference)
        }
    }

    @inline(__always)
    init(_ type: ReferenceType) {
        self.init(reference: Self.heapCode(of: type.heapType), isNullable: type.isNullable)
    }

    /// The heap code of a heap type.
    @inline(__always)
    static func heapCode(of heapType: HeapType) -> UInt32 {
        switch heapType {
        case .func: return HeapCode.function
        case .extern: return HeapCode.extern
        case .exn: return HeapCode.exn
        case .noFunc: return HeapCode.noFunc
        case .noExtern: return HeapCode.noExtern
        case .noExn: return HeapCode.noExn
        case .any: return HeapCode.any
        case .eq: return HeapCode.eq
        case .i31: return HeapCode.i31
        case .struct: return HeapCode.struct
        case .array: return HeapCode.array
        case .noAny: return HeapCode.noAny
        case .concrete(let index): return HeapCode.firstTypeIndex &+ index
        }
    }

    /// True for the reference types.
    @inline(__always)
    var isReference: Bool { raw >= 16 }

    /// True for a nullable reference type.
    @inline(__always)
    var isNullable: Bool { raw & 1 != 0 }

    /// The heap code of a reference type.
    @inline(__always)
    var heapCode: UInt32 { (raw &- 16) >> 1 }

    /// The type index of a reference to a concrete heap type, or nil.
    @inline(__always)
    var typeIndex: UInt32? {
        guard isReference, heapCode >= HeapCode.firstTypeIndex else { return nil }
        return heapCode - HeapCode.firstTypeIndex
    }

    /// The same reference type without null (for `ref.as_non_null`, `br_on_null`, ...).
    @inline(__always)
    var nonNullable: OperandType { OperandType(raw: raw & ~1) }

    /// True for the numeric types (and `unknown`, which may be one).
    @inline(__always)
    var mayBeNumber: Bool { raw <= OperandType.f64.raw }

    /// True for `v128` (and `unknown`, which may be one).
    @inline(__always)
    var mayBeVector: Bool { self == .unknown || self == .v128 }

    /// True for the reference types (and `unknown`, which may be one).
    @inline(__always)
    var mayBeReference: Bool { self == .unknown || isReference }

    /// The value type, or nil for `unknown` and for references to `bot`.
    var valueType: ValueType? {
        switch raw {
        case 0: return nil
        case 1: return .i32
        case 2: return .i64
        case 3: return .f32
        case 4: return .f64
        case 5: return .v128
        default:
            guard let heapType = Self.heapType(code: heapCode) else { return nil }
            return .ref(ReferenceType(heapType, isNullable: isNullable))
        }
    }

    /// The heap type with a heap code, or nil for `bot` and the unused codes.
    static func heapType(code: UInt32) -> HeapType? {
        switch code {
        case HeapCode.function: return .func
        case HeapCode.extern: return .extern
        case HeapCode.exn: return .exn
        case HeapCode.noFunc: return .noFunc
        case HeapCode.noExtern: return .noExtern
        case HeapCode.noExn: return .noExn
        case HeapCode.any: return .any
        case HeapCode.eq: return .eq
        case HeapCode.i31: return .i31
        case HeapCode.struct: return .struct
        case HeapCode.array: return .array
        case HeapCode.noAny: return .noAny
        case HeapCode.firstTypeIndex...: return .concrete(code - HeapCode.firstTypeIndex)
        default: return nil
        }
    }

    /// The type's name in messages.
    var description: String {
        if self == .unknown { return "unknown" }
        if isReference && heapCode == HeapCode.bot { return isNullable ? "(ref null bot)" : "(ref bot)" }
        return valueType?.description ?? "unknown"
    }
}
