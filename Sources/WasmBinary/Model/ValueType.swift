/// A WebAssembly value type: a number, a vector or a reference.
///
/// A small trivial value (8 bytes): comparing two is a few machine instructions, and arrays of
/// them hold no references.
/// <https://webassembly.github.io/spec/core/syntax/types.html#value-types>
public enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case i32, i64, f32, f64, v128
    case ref(ReferenceType)

    /// `funcref`, a nullable reference to any function.
    public static let funcref = ValueType.ref(.funcref)
    /// `externref`, a nullable opaque host reference.
    public static let externref = ValueType.ref(.externref)
    /// `exnref`, a nullable reference to a caught exception.
    public static let exnref = ValueType.ref(.exnref)

    /// Equal types: the same number or vector type, or equal reference types. Written out (not
    /// synthesised) and inlinable, so that comparing with a constant (`type == .v128`) compiles
    /// to a tag test in any module.
    @inlinable @inline(__always)
    public static func == (lhs: ValueType, rhs: ValueType) -> Bool {
        switch (lhs, rhs) {
        case (.i32, .i32), (.i64, .i64), (.f32, .f32), (.f64, .f64), (.v128, .v128): return true
        case (.ref(let a), .ref(let b)): return a.isNullable == b.isNullable && a.heapType == b.heapType
        default: return false
        }
    }

    /// True for the reference types.
    public var isReference: Bool {
        if case .ref = self { return true }
        return false
    }

    /// True for the four numeric types.
    public var isNumber: Bool {
        switch self {
        case .i32, .i64, .f32, .f64: return true
        case .v128, .ref: return false
        }
    }

    /// The reference type, when this is one.
    public var referenceType: ReferenceType? {
        if case .ref(let type) = self { return type }
        return nil
    }

    /// True when a local of this type can start with a default value (zero or null): every type
    /// but the non-nullable references.
    public var isDefaultable: Bool {
        if case .ref(let type) = self { return type.isNullable }
        return true
    }

    /// The type's name in the text format.
    public var description: String {
        switch self {
        case .i32: return "i32"
        case .i64: return "i64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .v128: return "v128"
        case .ref(let r): return r.description
        }
    }
}

/// A reference type: a heap type, and whether null is one of its values.
/// <https://webassembly.github.io/spec/core/syntax/types.html#reference-types>
public struct ReferenceType: Hashable, Sendable, CustomStringConvertible {
    /// What the reference points to.
    public var heapType: HeapType
    /// True when null belongs to the type (`ref null ht`).
    public var isNullable: Bool

    /// A reference to `heapType`, nullable or not.
    public init(_ heapType: HeapType, isNullable: Bool) {
        self.heapType = heapType
        self.isNullable = isNullable
    }

    /// `funcref` = `(ref null func)`.
    public static let funcref = ReferenceType(.func, isNullable: true)
    /// `externref` = `(ref null extern)`.
    public static let externref = ReferenceType(.extern, isNullable: true)
    /// `exnref` = `(ref null exn)`.
    public static let exnref = ReferenceType(.exn, isNullable: true)
    /// `(ref func)`: a reference to some function, never null (the type of an element segment
    /// given as function indices).
    public static let functionReference = ReferenceType(.func, isNullable: false)

    /// The type in the text format: the shorthand (`funcref`, `nullexternref`, ...) for nullable
    /// abstract types, otherwise `(ref null? ht)`.
    public var description: String {
        if isNullable, let shorthand = heapType.nullableShorthand { return shorthand }
        return "(ref \(isNullable ? "null " : "")\(heapType))"
    }
}

/// A heap type: what a reference points to. Abstract heap types name a whole hierarchy (or its
/// bottom); a concrete one is a type index of the module.
/// <https://webassembly.github.io/spec/core/syntax/types.html#heap-types>
public enum HeapType: Hashable, Sendable, CustomStringConvertible {
    /// Equal heap types (written out and inlinable, like `ValueType`'s).
    @inlinable @inline(__always)
    public static func == (lhs: HeapType, rhs: HeapType) -> Bool {
        switch (lhs, rhs) {
        case (.func, .func), (.extern, .extern), (.exn, .exn), (.noFunc, .noFunc), (.noExtern, .noExtern),
             (.noExn, .noExn), (.any, .any), (.eq, .eq), (.i31, .i31), (.struct, .struct), (.array, .array),
             (.noAny, .noAny):
            return true
        case (.concrete(let a), .concrete(let b)): return a == b
        default: return false
        }
    }

    /// `func`: any function.
    case `func`
    /// `extern`: any host value.
    case extern
    /// `exn`: any exception.
    case exn
    /// `nofunc`, `noextern`, `noexn`: the bottoms of those hierarchies (only null references).
    case noFunc, noExtern, noExn
    /// The garbage-collection hierarchy: `any`, `eq`, `i31`, `struct`, `array` and its bottom
    /// `none`. Decoded and parsed; validation reports them as needing garbage collection.
    case any, eq, i31, `struct`, array, noAny
    /// A type index of the module (a function type, or with GC a struct or array type).
    case concrete(UInt32)

    /// True for the abstract heap types of garbage collection (`any`, `eq`, `i31`, `struct`,
    /// `array`, `none`).
    public var needsGarbageCollection: Bool {
        switch self {
        case .any, .eq, .i31, .struct, .array, .noAny: return true
        case .func, .extern, .exn, .noFunc, .noExtern, .noExn, .concrete: return false
        }
    }

    /// The heap type's name in the text format.
    public var description: String {
        switch self {
        case .func: return "func"
        case .extern: return "extern"
        case .exn: return "exn"
        case .noFunc: return "nofunc"
        case .noExtern: return "noextern"
        case .noExn: return "noexn"
        case .any: return "any"
        case .eq: return "eq"
        case .i31: return "i31"
        case .struct: return "struct"
        case .array: return "array"
        case .noAny: return "none"
        case .concrete(let index): return String(index)
        }
    }

    /// The text format's name for `(ref null ht)`, for abstract heap types.
    var nullableShorthand: String? {
        switch self {
        case .noFunc: return "nullfuncref"
        case .noExtern: return "nullexternref"
        case .noExn: return "nullexnref"
        case .noAny: return "nullref"
        case .concrete: return nil
        default: return "\(description)ref"
        }
    }
}
