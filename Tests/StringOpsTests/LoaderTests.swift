import StringOps
import Testing
import WasmInterpreter

/// Bad modules end in the Swift fallback with a reason the caller can inspect.
@Suite("StringOpsLoader and bad input")
struct LoaderTests {
    /// `(module (func (result i32)))`: well formed, but the body leaves no i32 (invalid).
    static let invalidModule: [UInt8] = [
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,  // type section: () -> i32
        0x03, 0x02, 0x01, 0x00,  // function section: one function of type 0
        0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B,  // code section: empty body
    ]

    /// `(module (import "env" "abort" (func)))`: needs an import the host does not provide.
    static let unlinkableModule: [UInt8] = [
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,  // type section: () -> ()
        0x02, 0x0D, 0x01, 0x03, 0x65, 0x6E, 0x76, 0x05, 0x61, 0x62, 0x6F, 0x72, 0x74, 0x00, 0x00,  // env.abort
    ]

    @Test func loadsTheBuiltInModule() {
        let result = StringOpsLoader.load()
        #expect(result.backend == .webAssembly)
        #expect(result.fallbackReason == nil)
        #expect(result.webAssembly != nil)
    }

    @Test func loadsTheFixtureFile() {
        let result = StringOpsLoader.load(from: .file(path: FixtureFiles.path("stringOps.wasm")))
        #expect(result.backend == .webAssembly, "\(String(describing: result.fallbackReason))")
    }

    @Test func fallsBackForAMissingFile() {
        let result = StringOpsLoader.load(from: .file(path: "/nonexistent/stringOps.wasm"))
        #expect(result.backend == .swift)
        guard case .fileNotFound(path: "/nonexistent/stringOps.wasm")? = result.fallbackReason else {
            Issue.record("got \(String(describing: result.fallbackReason))")
            return
        }
        #expect(result.fallbackReason?.description == "module file not found: /nonexistent/stringOps.wasm")
    }

    @Test func fallsBackForAnUnreadableFile() {
        let result = StringOpsLoader.load(from: .file(path: FixtureFiles.path("")))  // a directory
        #expect(result.backend == .swift)
        guard case .unreadableFile? = result.fallbackReason else {
            Issue.record("got \(String(describing: result.fallbackReason))")
            return
        }
    }

    /// Every prefix is malformed except the 8-byte header alone, a valid empty module.
    @Test(arguments: [0, 4, 7, 9, 20, 100, StringOpsModule.bytes.count - 1])
    func fallsBackForATruncatedModule(length: Int) {
        let result = StringOpsLoader.load(from: .bytes(Array(StringOpsModule.bytes.prefix(length))))
        #expect(result.backend == .swift)
        guard case .compile(.decode)? = result.fallbackReason else {
            Issue.record("truncated to \(length) bytes: got \(String(describing: result.fallbackReason))")
            return
        }
        #expect(result.fallbackReason?.description.hasPrefix("module does not compile: ") == true)
        #expect(SwiftStringOps().hash("x") == (try? result.operations.hash("x")))
    }

    @Test func fallsBackForAnEmptyModule() {
        let result = StringOpsLoader.load(from: .bytes(Array(StringOpsModule.bytes.prefix(8))))
        guard case .missingExport(name: "fastHash", _)? = result.fallbackReason else {
            Issue.record("got \(String(describing: result.fallbackReason))")
            return
        }
    }

    @Test func fallsBackForAnInvalidModule() {
        let result = StringOpsLoader.load(from: .bytes(Self.invalidModule))
        guard case .compile(.validation)? = result.fallbackReason else {
            Issue.record("got \(String(describing: result.fallbackReason))")
            return
        }
        #expect(result.backend == .swift)
    }

    @Test func fallsBackForAModuleMissingAnExport() throws {
        // byteStats is a valid module with the same imports, but none of stringOps' exports.
        let result = StringOpsLoader.load(from: .bytes(try FixtureFiles.bytes("byteStats.wasm")))
        #expect(result.backend == .swift)
        guard case .missingExport(name: "fastHash", let expected)? = result.fallbackReason else {
            Issue.record("got \(String(describing: result.fallbackReason))")
            return
        }
        #expect(expected.parameters == [.i32, .i32] && expected.results == [.i32])
        #expect(result.fallbackReason?.description == "module does not export function 'fastHash' (i32, i32) -> (i32)")
    }

    @Test func fallsBackForAModuleThatDoesNotLink() {
        let result = StringOpsLoader.load(from: .bytes(Self.unlinkableModule))
        #expect(result.backend == .swift)
        guard case .link(.unlinkable(let message))? = result.fallbackReason else {
            Issue.record("got \(String(describing: result.fallbackReason))")
            return
        }
        #expect(message.contains("unknown import"))
    }

    @Test func fallsBackWhenTheMemoryWouldBeTooSmall() {
        let result = StringOpsLoader.load(configuration: HostConfiguration(maximumMemoryPages: 16))
        #expect(result.backend == .swift)
        guard case .memoryTooSmall(requiredPages: 256, maximumPages: 16)? = result.fallbackReason else {
            Issue.record("got \(String(describing: result.fallbackReason))")
            return
        }
        #expect(result.fallbackReason?.description == "module needs a memory of at least 256 pages, but at most 16 are allowed")
    }

    @Test func wrapperThrowsTheSameReasons() throws {
        #expect(throws: HostingError.self) { try WasmStringOps(bytes: Array(StringOpsModule.bytes.prefix(30))) }
        #expect(throws: HostingError.self) { try WasmStringOps(bytes: try FixtureFiles.bytes("byteStats.wasm")) }
        #expect(throws: HostingError.self) { try WasmStringOps(configuration: HostConfiguration(maximumMemoryPages: 255)) }
        _ = try WasmStringOps(configuration: HostConfiguration(maximumMemoryPages: 256))
    }
}
