/// Limits a runtime enforces on the programs it runs.
public struct RuntimeConfiguration: Sendable {
    /// How deep wasm calls may nest; a deeper call traps with "call stack exhausted".
    /// At most `callDepthLimit`.
    public var maxCallDepth: Int = 50_000
    /// Size of the value stack (locals and operands of all active frames), in 64-bit slots.
    /// At least 1,024 and at most `valueStackSlotLimit`.
    public var valueStackSlots: Int = 1 << 20
    /// What the runtime's instances may hold: linear-memory bytes, table elements, instances,
    /// memories and tables (no limits by default).
    public var resourceLimits = ResourceLimits()

    /// The largest call depth a runtime accepts.
    public static let callDepthLimit = 10_000_000
    /// The largest value stack a runtime accepts (1 GiB).
    public static let valueStackSlotLimit = 1 << 27

    public init() {}
}
