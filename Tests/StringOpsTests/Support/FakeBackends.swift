import StringOps
import Synchronization

/// A stand-in backend: answers with `body`, counting its calls.
final class FakeBackend: ModuleBackend {
    let body: @Sendable (String, [ExecutionValue]) throws -> ExecutionValue
    private let callCount = Atomic<Int>(0)

    init(_ body: @escaping @Sendable (String, [ExecutionValue]) throws -> ExecutionValue) {
        self.body = body
    }

    var calls: Int { callCount.load(ordering: .relaxed) }

    func invoke(_ function: String, arguments: [ExecutionValue], signature: FunctionSignature) throws -> ExecutionValue {
        callCount.add(1, ordering: .relaxed)
        return try body(function, arguments)
    }
}

struct FakeFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// `add(int32, int32) -> int32` and `length(bytes) -> int64`, computed correctly.
func correctMath(_ function: String, _ arguments: [ExecutionValue]) throws -> ExecutionValue {
    switch (function, arguments.first, arguments.dropFirst().first) {
    case ("add", .int32(let a)?, .int32(let b)?): return .int32(a &+ b)
    case ("length", let text?, nil): return .int64(Int64(text.byteString?.count ?? -1))
    default: throw FakeFailure(message: "bad call \(function)")
    }
}

let mathFunctions: [String: FunctionSignature] = [
    "add": FunctionSignature([.int32, .int32], .int32),
    "length": FunctionSignature([.bytes], .int64),
]

/// A "math" module whose WebAssembly side is `webAssembly` (or fails to load with `loadFailure`).
func mathRegistration(
    webAssembly: FakeBackend?, loadFailure: (any Error)? = nil, fallback: FakeBackend?
) -> ModuleRegistration {
    let load: (@Sendable () throws -> any ModuleBackend)?
    if let webAssembly {
        load = { webAssembly }
    } else if let loadFailure {
        load = { throw loadFailure }
    } else {
        load = nil
    }
    return ModuleRegistration(name: "math", functions: mathFunctions, loadWebAssembly: load, fallback: fallback)
}

/// Operations that claim to be WebAssembly but compute in Swift, and refuse inputs longer than
/// `limit` bytes like a memory at its maximum.
struct PretendWasmOperations: StringOperations {
    let limit: Int
    var backend: ExecutionBackend { .webAssembly }

    private func check(_ bytes: [UInt8]...) throws(HostingError) {
        let total = bytes.reduce(0) { $0 + $1.count }
        if total > limit { throw .inputTooLarge(requiredBytes: total, maximumBytes: limit) }
    }

    func hash(_ bytes: [UInt8]) throws(HostingError) -> UInt32 {
        try check(bytes)
        return SwiftStringOps().hash(bytes)
    }

    func compare(_ first: [UInt8], _ second: [UInt8]) throws(HostingError) -> Int {
        try check(first, second)
        return SwiftStringOps().compare(first, second)
    }

    func search(_ haystack: [UInt8], for needle: [UInt8]) throws(HostingError) -> Int? {
        try check(haystack, needle)
        return SwiftStringOps().search(haystack, for: needle)
    }
}

/// A thread-safe counter.
final class Counter: Sendable {
    private let count = Atomic<Int>(0)

    func increment() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
