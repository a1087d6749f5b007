import WasmBinary

/// Keeps alive the exceptions whose references (`exnref` values) wasm code may hold, and lets go
/// of the ones it can no longer reach.
///
/// An `exnref` slot holds the exception object's address, so that copying one through locals,
/// the operand stack, globals and tables costs what copying an integer does (no reference
/// counting per instruction). Whoever writes an exception's address into wasm storage registers
/// the exception here (a `catch_ref`, the payload of a caught exception, an argument or host
/// result, a host write to a global or table); the registry holds it strongly.
///
/// Exceptions that nothing reaches any more are released by a conservative mark-and-sweep,
/// run when registering finds the registry at twice the size it had after the last collection
/// (at least `minimumThreshold`): every word of the live value stack (from its base to the top
/// of the frame being delivered to), every `exnref` global and every `exnref` table is a root,
/// and a registered exception whose address none of them holds is released. A number that
/// happens to equal an address only keeps that exception a little longer. Exceptions the host
/// holds (thrown out of wasm, or values it keeps) are kept alive by Swift's own references, and
/// an exception carried in another's values by that one.
///
/// A throw that is caught without its reference (`catch`, `catch_all`, a legacy `catch` whose
/// body does not `rethrow`) never reaches the registry: its exception is freed as soon as the
/// handler has its values.
final class ExceptionRegistry {
    /// The smallest size at which a collection runs.
    static let minimumThreshold = 1024

    /// The registered exceptions, by address.
    private(set) var exceptions: [UInt64: WasmException] = [:]
    /// The registry size at which the next registration collects first.
    private var threshold = ExceptionRegistry.minimumThreshold
    /// The value stack's first slot.
    private let stackBase: UnsafeMutablePointer<UInt64>
    /// The globals and tables that may hold `exnref`s.
    private var globals: [WeakGlobal] = []
    private var tables: [WeakTable] = []

    private struct WeakGlobal { weak var global: Global? }
    private struct WeakTable { weak var table: Table? }

    init(stackBase: UnsafeMutablePointer<UInt64>) {
        self.stackBase = stackBase
    }

    /// How many exceptions are registered (for tests of the collector).
    var count: Int { exceptions.count }

    /// Keeps `exception` alive while wasm storage may hold its address. When `liveTop` is given
    /// (the end of the live value stack) and the registry has grown enough, collects first.
    func register(_ exception: WasmException, liveTop: UnsafeMutablePointer<UInt64>? = nil) {
        if let liveTop, exceptions.count >= threshold { collect(liveTop: liveTop) }
        exceptions[exception.slot] = exception
    }

    /// Registers every exception among `values` (an exception's payload, arguments, results).
    func register(exceptionsIn values: [Value], liveTop: UnsafeMutablePointer<UInt64>? = nil) {
        for case .ref(.exception(let exception)) in values { register(exception, liveTop: liveTop) }
    }

    /// Makes a global whose type may hold an `exnref` a root of collections.
    func track(_ global: Global) {
        if global.type.valueType.mayHoldException { globals.append(WeakGlobal(global: global)) }
    }

    /// Makes a table whose elements may be `exnref`s a root of collections.
    func track(_ table: Table) {
        if ValueType.ref(table.type.elementType).mayHoldException { tables.append(WeakTable(table: table)) }
    }

    /// Releases every registered exception whose address no root holds.
    func collect(liveTop: UnsafeMutablePointer<UInt64>) {
        var reachable = Set<UInt64>()
        func mark(_ word: UInt64) {
            if word != 0, exceptions[word] != nil { reachable.insert(word) }
        }
        var slot = stackBase
        while slot < liveTop {
            mark(slot.pointee)
            slot += 1
        }
        globals.removeAll { $0.global == nil }
        for entry in globals {
            if let global = entry.global { mark(global.storage.pointee) }
        }
        tables.removeAll { $0.table == nil }
        for entry in tables {
            guard let table = entry.table else { continue }
            let elements = table.state.pointee.elements
            for index in 0..<table.state.pointee.count { mark(elements[index]) }
        }
        exceptions = exceptions.filter { reachable.contains($0.key) }
        threshold = max(Self.minimumThreshold, 2 * exceptions.count)
    }
}

extension ValueType {
    /// True for reference types whose values may be exceptions (`exnref` and its non-null form).
    var mayHoldException: Bool {
        guard case .ref(let reference) = self else { return false }
        return reference.heapType == .exn
    }
}
