import Foundation
import WasmBinary
import WasmInterpreter

/// `wasm call-exports FILE...`: calls every exported function of each module with zero
/// arguments, each in a fresh instance, and prints one JSON object per line with the exact
/// results or the trap. For comparing engines on generated modules
/// (`Scripts/differential.py`): values are printed as their bits, so nothing is lost.
enum CallExportsCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "call-exports",
        usage: "call-exports FILE...",
        summary: "Call every exported function with zero arguments in a fresh instance; print results as JSON lines.",
        run: run)

    static let help = """
        usage: wasm call-exports FILE...

        For each module FILE (binary or .wat), calls every exported function in the export
        section's order, each in a fresh runtime and instance, with every parameter zero (0,
        +0.0, a zero vector, a null reference), and prints one JSON object per line:

          {"file": F, "compile": MESSAGE}                   the module did not compile
          {"file": F, "export": NAME, "instantiate": MESSAGE}  instantiation failed (a trap or link error)
          {"file": F, "export": NAME, "trap": MESSAGE}         the call trapped (the testsuite's words)
          {"file": F, "export": NAME, "exception": MESSAGE}    an exception left the call uncaught
          {"file": F, "export": NAME, "results": [VALUE...]}   the call returned

        A VALUE is TYPE:BITS with BITS in hexadecimal (i32:0x0000002a, f64:0x7ff8000000000000,
        v128:0x<32 digits, lane 0 last>), or ref:null, ref:func, ref:extern. Exits 2 on misuse,
        0 otherwise.
        """

    static func run(_ arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            Console.write(help)
            return 0
        }
        guard !arguments.isEmpty else {
            Console.error("wasm call-exports: no module given\n\n" + help)
            return 2
        }
        for path in arguments {
            let bytes: [UInt8]
            do {
                bytes = try ModuleFile.read(path)
            } catch {
                emit(["file": path, "compile": error.message])
                continue
            }
            callExports(of: bytes, path: path)
        }
        return 0
    }

    /// Compiles the module and calls each exported function in a fresh instance.
    static func callExports(of bytes: [UInt8], path: String) {
        let module: CompiledModule
        do {
            module = try CompiledModule(bytes: bytes)
        } catch {
            emit(["file": path, "compile": error.description])
            return
        }
        for export in module.module.exports {
            guard case .function = export.descriptor else { continue }
            var line: [String: Any] = ["file": path, "export": export.name]
            let instance: Instance
            do {
                instance = try Runtime().instantiate(module)
            } catch {
                line["instantiate"] = error.description
                emit(line)
                continue
            }
            guard let function = instance.function(export.name) else { continue }
            do {
                let results = try function.call(function.type.parameters.map(zero))
                line["results"] = results.map(bits)
            } catch let trap as Trap {
                line["trap"] = trap.reason.description
            } catch let exception as WasmException {
                line["exception"] = ExceptionText.describe(exception, in: instance)
            } catch {
                line["trap"] = "\(error)"
            }
            emit(line)
        }
    }

    /// The zero value of `type`.
    static func zero(_ type: ValueType) -> Value {
        switch type {
        case .i32: return .i32(0)
        case .i64: return .i64(0)
        case .f32: return .f32(0)
        case .f64: return .f64(0)
        case .v128: return .v128(V128(low: 0, high: 0))
        case .ref(let referenceType): return .ref(.null(referenceType))
        }
    }

    /// `TYPE:BITS` in hexadecimal, or the kind of a reference.
    static func bits(_ value: Value) -> String {
        func hex(_ bits: UInt64, digits: Int) -> String {
            let text = String(bits, radix: 16)
            return String(repeating: "0", count: max(digits - text.count, 0)) + text
        }
        switch value {
        case .i32(let bits): return "i32:0x" + hex(UInt64(bits), digits: 8)
        case .i64(let bits): return "i64:0x" + hex(bits, digits: 16)
        case .f32(let bits): return "f32:0x" + hex(UInt64(bits), digits: 8)
        case .f64(let bits): return "f64:0x" + hex(bits, digits: 16)
        case .v128(let vector): return "v128:0x" + hex(vector.high, digits: 16) + hex(vector.low, digits: 16)
        case .ref(.null): return "ref:null"
        case .ref(.function): return "ref:func"
        case .ref(.extern): return "ref:extern"
        case .ref(.exception): return "ref:exn"
        }
    }

    /// Prints `object` as one line of JSON.
    static func emit(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        Console.write(String(decoding: data, as: UTF8.self))
    }
}
