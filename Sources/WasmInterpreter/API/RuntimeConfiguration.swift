/// Limits a runtime enforces on the programs it runs.
public struct RuntimeConfiguration: Sendable {
    /// How deep wasm calls may nest; a deeper call traps with "call stack exhausted".
    public var maxCallDepth: Int = 50_000
    /// Size of the value stack (locals and operands of all active frames), in 64-bit slots.
    public var valueStackSlots: Int = 1 << 20

    public init() {}
}
