import WasmBinary
import WasmInterpreter

/// One of the stringOps module's three operations.
enum StringOpsOperation: Sendable {
    case hash, compare, search

    /// The export that performs it.
    var exportName: String {
        switch self {
        case .hash: return StringOpsModule.hashExport
        case .compare: return StringOpsModule.compareExport
        case .search: return StringOpsModule.searchExport
        }
    }
}

/// The stringOps exports of one instance, resolved and type-checked once, so that a call passes
/// its (pointer, length) arguments straight to the interpreter and allocates nothing.
final class StringOpsEntryPoints {
    let hash: TypedFunction<UInt32, UInt32, UInt32>
    let compare: TypedFunction<UInt32, UInt32, UInt32, UInt32, UInt32>
    let search: TypedFunction<UInt32, UInt32, UInt32, UInt32, UInt32>

    /// The instance's three exports, or nil when one is missing or has another type.
    init?(_ instance: Instance) {
        guard let hash = try? instance.typedFunction(StringOpsModule.hashExport, ((UInt32, UInt32) -> UInt32).self),
              let compare = try? instance.typedFunction(
                  StringOpsModule.compareExport, ((UInt32, UInt32, UInt32, UInt32) -> UInt32).self),
              let search = try? instance.typedFunction(
                  StringOpsModule.searchExport, ((UInt32, UInt32, UInt32, UInt32) -> UInt32).self)
        else { return nil }
        self.hash = hash
        self.compare = compare
        self.search = search
    }

    /// Runs `operation` on the byte strings at (first, firstLength) and (second, secondLength)
    /// of linear memory (`second` is unused by `hash`).
    func call(_ operation: StringOpsOperation, _ first: UInt32, _ firstLength: UInt32,
              _ second: UInt32, _ secondLength: UInt32) throws -> UInt32 {
        switch operation {
        case .hash: return try hash(first, firstLength)
        case .compare: return try compare(first, firstLength, second, secondLength)
        case .search: return try search(first, firstLength, second, secondLength)
        }
    }
}
