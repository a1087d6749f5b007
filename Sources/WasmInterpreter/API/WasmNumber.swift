import WasmBinary

/// A Swift number type that stands for one wasm number type, so that a ``TypedFunction`` can take
/// and return it directly: `Int32` and `UInt32` (i32), `Int64` and `UInt64` (i64), `Float` (f32),
/// `Double` (f64). Integers keep their bit pattern (an i32 of 0xFFFF_FFFF is `UInt32.max` or
/// `Int32(-1)`); floats keep theirs, NaN payloads included.
public protocol WasmNumber {
    /// The wasm type the Swift type stands for.
    static var wasmType: ValueType { get }
    /// The value from the 64-bit slot the interpreter keeps it in (an i32 or f32 in the low half).
    init(wasmSlot: UInt64)
    /// The 64-bit slot the interpreter keeps the value in.
    var wasmSlot: UInt64 { get }
}

extension Int32: WasmNumber {
    public static var wasmType: ValueType { .i32 }
    @inlinable public init(wasmSlot: UInt64) { self.init(truncatingIfNeeded: wasmSlot) }
    @inlinable public var wasmSlot: UInt64 { UInt64(UInt32(bitPattern: self)) }
}

extension UInt32: WasmNumber {
    public static var wasmType: ValueType { .i32 }
    @inlinable public init(wasmSlot: UInt64) { self.init(truncatingIfNeeded: wasmSlot) }
    @inlinable public var wasmSlot: UInt64 { UInt64(self) }
}

extension Int64: WasmNumber {
    public static var wasmType: ValueType { .i64 }
    @inlinable public init(wasmSlot: UInt64) { self.init(bitPattern: wasmSlot) }
    @inlinable public var wasmSlot: UInt64 { UInt64(bitPattern: self) }
}

extension UInt64: WasmNumber {
    public static var wasmType: ValueType { .i64 }
    @inlinable public init(wasmSlot: UInt64) { self = wasmSlot }
    @inlinable public var wasmSlot: UInt64 { self }
}

extension Float: WasmNumber {
    public static var wasmType: ValueType { .f32 }
    @inlinable public init(wasmSlot: UInt64) { self.init(bitPattern: UInt32(truncatingIfNeeded: wasmSlot)) }
    @inlinable public var wasmSlot: UInt64 { UInt64(bitPattern) }
}

extension Double: WasmNumber {
    public static var wasmType: ValueType { .f64 }
    @inlinable public init(wasmSlot: UInt64) { self.init(bitPattern: wasmSlot) }
    @inlinable public var wasmSlot: UInt64 { bitPattern }
}
