import Foundation
import WasmInterpreter
import WasmWASI

/// Runs a WASI command in this process with its output captured.
struct ProgramRun {
    /// How the run ended: an exit code (from `_start` returning or `proc_exit`), or a trap.
    enum Ending: Equatable, CustomStringConvertible {
        case exited(UInt32)
        case trapped(String)

        var description: String {
            switch self {
            case .exited(let code): return "exit code \(code)"
            case .trapped(let message): return "trap: \(message)"
            }
        }
    }

    var ending: Ending
    var standardOutput: [UInt8]
    var standardError: [UInt8]

    var output: String { String(decoding: standardOutput, as: UTF8.self) }
    var errorOutput: String { String(decoding: standardError, as: UTF8.self) }

    /// Runs `module` with `configuration`, whose standard output and error are replaced by
    /// buffers (and standard input, unless given, by empty input).
    init(_ module: CompiledModule, configuration: WASIConfiguration, input: [UInt8] = []) throws {
        var configuration = configuration
        let output = WASIOutputBuffer(), error = WASIOutputBuffer()
        configuration.standardInput = .bytes(input)
        configuration.standardOutput = .buffer(output)
        configuration.standardError = .buffer(error)
        let wasi = try WASI(configuration: configuration)
        do {
            let instance = try wasi.instantiate(module, in: Runtime())
            ending = .exited(try wasi.start(instance))
        } catch let trap as Trap {
            ending = .trapped(trap.description)
        }
        standardOutput = output.bytes
        standardError = error.bytes
    }

    /// Runs the module in the file at `url`.
    init(file url: URL, configuration: WASIConfiguration, input: [UInt8] = []) throws {
        let module = try CompiledModule(bytes: [UInt8](try Data(contentsOf: url)))
        try self.init(module, configuration: configuration, input: input)
    }
}

/// A fresh temporary folder, removed when the value goes.
final class TemporaryFolder {
    let url: URL

    init(_ label: String = "wasi") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("purewasm-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    var path: String { url.path }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}
