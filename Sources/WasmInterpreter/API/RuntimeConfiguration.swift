/// Limits a runtime enforces on the programs it runs.
public struct RuntimeConfiguration: Sendable {
    /// How deep wasm calls may nest; a deeper call traps with "call stack exhausted".
    /// At most `callDepthLimit`.
    public var maxCallDepth: Int = 50_000
    /// Size of the value stack (locals and operands of all active frames), in 64-bit slots.
    /// At least 1,024 and at most `valueStackSlotLimit`.
    public var valueStackSlots: Int = 1 << 20
    /// Address space each linear memory reserves up front, in bytes (rounded up to whole 64 KiB
    /// units; a memory never reserves more than its maximum size). A memory grows in place within
    /// its reservation; a grow past it moves the memory to a reservation twice as large, copying
    /// its contents. The default covers any 32-bit memory's maximum (4 GiB), so those never move;
    /// a 64-bit memory that grows past it moves (its declared maximum, up to 2^48 bytes here,
    /// is never reserved whole). A smaller value saves address space when very many memories
    /// are alive at once.
    public var memoryReservationBytes: Int = 1 << 32
    /// What the runtime's instances may hold: linear-memory bytes, table elements, instances,
    /// memories and tables (no limits by default).
    public var resourceLimits = ResourceLimits()
    /// Bytes of native stack that must be left for a call to start. A host function that calls
    /// back into wasm nests on the native stack; a call with less room left traps with "call
    /// stack exhausted" instead of overflowing the thread's stack. The default leaves room for
    /// the interpreter's entry and a host function of ordinary depth on any thread of 256 KiB or more.
    public var nativeStackReserve: Int = 64 * 1024

    /// The largest call depth a runtime accepts.
    public static let callDepthLimit = 10_000_000
    /// The largest value stack a runtime accepts (1 GiB).
    public static let valueStackSlotLimit = 1 << 27

    public init() {}
}
