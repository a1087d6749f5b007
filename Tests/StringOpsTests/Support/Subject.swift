import StringOps

/// One way of reaching the stringOps operations, so the same cases run against each of them.
struct Subject: Sendable {
    enum Kind: String, CaseIterable, Sendable, CustomStringConvertible {
        case swiftFallback
        case webAssemblyWrapper
        case loader
        case service
        case coordinatorPreferringWebAssembly
        case coordinatorPreferringFallback
        case coordinatorVerifying

        var description: String { rawValue }
    }

    let kind: Kind
    let hash: @Sendable (String) throws -> UInt32
    let compare: @Sendable (String, String) throws -> Int
    let search: @Sendable (String, String) throws -> Int?

    init(_ kind: Kind, operations: any StringOperations) {
        self.kind = kind
        hash = { try operations.hash($0) }
        compare = { try operations.compare($0, $1) }
        search = { try operations.search($0, for: $1) }
    }

    init(_ kind: Kind, coordinator: WasmRuntimeCoordinator, expectedBackend: ExecutionBackend) {
        self.kind = kind
        @Sendable func run(_ function: String, _ arguments: [ExecutionValue]) throws -> ExecutionValue {
            let result = try coordinator.execute(module: "stringOps", function: function, arguments: arguments)
            guard result.backend == expectedBackend, result.divergence == nil else {
                throw SubjectError.unexpected("\(function) ran on \(result.backend), divergence \(String(describing: result.divergence))")
            }
            return result.value
        }
        hash = { text in
            guard case .uint32(let hash) = try run("fastHash", [.string(text)]) else { throw SubjectError.unexpected("hash kind") }
            return hash
        }
        compare = { first, second in
            guard case .int32(let order) = try run("fastCompare", [.string(first), .string(second)]) else {
                throw SubjectError.unexpected("compare kind")
            }
            return Int(order)
        }
        search = { haystack, needle in
            guard case .int32(let offset) = try run("fastSearch", [.string(haystack), .string(needle)]) else {
                throw SubjectError.unexpected("search kind")
            }
            return offset == -1 ? nil : Int(offset)
        }
    }

    /// The subject of `kind`, loaded and checked to run on the backend its name says.
    static func make(_ kind: Kind) async throws -> Subject {
        switch kind {
        case .swiftFallback:
            return Subject(kind, operations: SwiftStringOps())
        case .webAssemblyWrapper:
            return Subject(kind, operations: try WasmStringOps())
        case .loader:
            let loaded = StringOpsLoader.load()
            guard loaded.backend == .webAssembly else { throw SubjectError.unexpected("loader fell back: \(String(describing: loaded.fallbackReason))") }
            return Subject(kind, operations: loaded.operations)
        case .service:
            let service = StringOpsService()
            let loaded = await service.waitUntilLoaded()
            guard service.backend == .webAssembly else { throw SubjectError.unexpected("service fell back: \(String(describing: loaded.fallbackReason))") }
            return Subject(kind, operations: service)
        case .coordinatorPreferringWebAssembly, .coordinatorPreferringFallback, .coordinatorVerifying:
            let policy: ExecutionPolicy =
                kind == .coordinatorVerifying ? .verify : (kind == .coordinatorPreferringFallback ? .preferFallback : .preferWebAssembly)
            let coordinator = WasmRuntimeCoordinator(policy: policy)
            let reports = await coordinator.initialize()
            guard reports.first?.backend == .webAssembly else { throw SubjectError.unexpected("coordinator: \(reports)") }
            return Subject(kind, coordinator: coordinator, expectedBackend: kind == .coordinatorPreferringFallback ? .swift : .webAssembly)
        }
    }
}

enum SubjectError: Error {
    case unexpected(String)
}
