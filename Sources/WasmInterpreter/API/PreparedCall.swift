import WasmBinary

/// What a ``TypedFunction`` looked up once: the function's entry, instance and frame size, so
/// that a call only checks the stacks, runs, and reads the result. The entry and instance
/// pointers stay valid for the runtime's life (its instances and their code are never freed
/// before it). Every field is trivial, so that passing it to a call costs no reference
/// counting: the runtime is held unretained here and kept alive by the ``TypedFunction``.
@usableFromInline
struct PreparedCall {
    let runtime: Unmanaged<Runtime>
    let address: UInt32
    /// The first instruction of a wasm function; nil for a host function.
    let entry: CodePointer?
    let instance: UnsafeMutablePointer<InstanceState>?
    /// Slots the call needs above the stack top: the frame, or the results if they need more.
    let frameSlots: Int

    init(_ function: Function) {
        let record = function.runtime.records[Int(function.address.rawValue)]
        runtime = Unmanaged.passUnretained(function.runtime)
        address = function.address.rawValue
        entry = record.entry
        instance = record.instance
        frameSlots = max(record.frameSlots, record.resultSlots, record.parameterSlots)
    }

    /// Where the call's frame starts (arguments go in its first slots, one per parameter);
    /// throws when the value stack or the call stack has no room for it.
    @usableFromInline
    func enter() throws(Trap) -> UnsafeMutablePointer<UInt64> {
        let base = runtime._withUnsafeGuaranteedRef { runtime -> UnsafeMutablePointer<UInt64>? in
            let base = runtime.stackTop
            return runtime.frameTop < runtime.maxCallDepth && base + frameSlots <= runtime.valueStackEnd ? base : nil
        }
        guard let base else { throw Trap(.callStackExhausted) }
        return base
    }

    /// Runs the function on the frame `enter()` returned, its arguments in place; leaves the
    /// results in the frame's first slots.
    @usableFromInline
    func run(_ frame: UnsafeMutablePointer<UInt64>) throws {
        if let entry, let instance {
            let failure = runtime._withUnsafeGuaranteedRef { runtime -> (any Error)? in
                do {
                    try runtime.execute(entry: entry, instance: instance, frame: frame)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw failure }
        } else {
            try runHost(frame)
        }
    }

    /// A host function through its `[Value]` interface (this path allocates).
    private func runHost(_ frame: UnsafeMutablePointer<UInt64>) throws {
        let runtime = runtime.takeUnretainedValue()
        let type = runtime.functionTypes[Int(address)]
        let arguments = type.parameters.enumerated().map { index, parameter in Value(slots: frame + index, type: parameter) }
        let results = try runtime.callHostDirectly(index: runtime.records[Int(address)].hostIndex, arguments: arguments)
        for (index, result) in results.enumerated() { result.store(to: frame + index) }
    }
}
