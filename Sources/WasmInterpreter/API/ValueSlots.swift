import WasmBinary

extension Reference {
    /// The reference as a slot: 0 is null, a function is its address + 1, an extern value is
    /// value + 1, an exception its address (which whoever writes it into wasm storage registers
    /// with the runtime's `ExceptionRegistry`).
    var slot: UInt64 {
        switch self {
        case .null: return 0
        case .function(let address): return UInt64(address.rawValue) + 1
        case .extern(let value): return UInt64(value) + 1
        case .exception(let exception): return exception.slot
        }
    }

    init(slot: UInt64, type: ReferenceType) {
        if slot == 0 {
            self = .null(type)
        } else if type.heapType == .extern || type.heapType == .noExtern {
            self = .extern(UInt32(truncatingIfNeeded: slot - 1))
        } else if (type.heapType == .exn || type.heapType == .noExn), let exception = WasmException.fromSlot(slot) {
            self = .exception(exception)
        } else {
            // Without garbage collection every other non-null reference is to a function.
            self = .function(FunctionAddress(rawValue: UInt32(truncatingIfNeeded: slot - 1)))
        }
    }
}

extension Value {
    /// Reads a value of `type` from its slots.
    init(slots: UnsafePointer<UInt64>, type: ValueType) {
        switch type {
        case .i32: self = .i32(UInt32(truncatingIfNeeded: slots[0]))
        case .i64: self = .i64(slots[0])
        case .f32: self = .f32(UInt32(truncatingIfNeeded: slots[0]))
        case .f64: self = .f64(slots[0])
        case .v128: self = .v128(V128(low: slots[0], high: slots[1]))
        case .ref(let referenceType): self = .ref(Reference(slot: slots[0], type: referenceType))
        }
    }

    /// Writes the value into its slots (two for a v128).
    func store(to slots: UnsafeMutablePointer<UInt64>) {
        switch self {
        case .i32(let bits): slots[0] = UInt64(bits)
        case .i64(let bits): slots[0] = bits
        case .f32(let bits): slots[0] = UInt64(bits)
        case .f64(let bits): slots[0] = bits
        case .v128(let vector):
            slots[0] = vector.low
            slots[1] = vector.high
        case .ref(let reference): slots[0] = reference.slot
        }
    }

    /// The value's two slots (the second is zero except for a v128).
    var slots: (UInt64, UInt64) {
        var pair: (UInt64, UInt64) = (0, 0)
        withUnsafeMutablePointer(to: &pair) { pointer in
            pointer.withMemoryRebound(to: UInt64.self, capacity: 2) { store(to: $0) }
        }
        return pair
    }
}
