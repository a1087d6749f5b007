import WasmBinary
import WasmInterpreter
import WasmText
import WasmValidation

/// What each fuzz target does with one input, shared by the libFuzzer targets in `Fuzz/` (which
/// stop the process on a problem, so that libFuzzer keeps the input) and the regression tests
/// (which replay every input found). A check returns nil when the engine behaved (accepting or
/// rejecting the input with a typed error) and a description when two parts of the engine
/// disagree. A crash of the engine itself (a trap, an overflow, an address-sanitizer report)
/// stops the process on its own.
public enum FuzzChecks {
    /// (a) Decodes, validates and translates a binary module. The standalone validator and the
    /// translator (which drives the validator one instruction at a time) must agree.
    public static func decodeAndValidate(_ bytes: [UInt8]) -> String? {
        guard let module = try? ModuleDecoder.decode(bytes) else { return nil }
        let validatorAccepts: Bool
        do {
            try ModuleValidator.validate(module)
            validatorAccepts = true
        } catch {
            validatorAccepts = false
        }
        do {
            _ = try CompiledModule(module: module)
            if !validatorAccepts { return "the validator rejects a module that compiles" }
        } catch .validation(let error) {
            if validatorAccepts { return "the validator accepts a module that compiles to a validation error: \(error)" }
        } catch {
            // An implementation limit of the translator: a typed rejection.
        }
        return nil
    }

    /// (b) Decodes, validates and translates a binary module, instantiates it (imports answered
    /// by stand-ins: host functions returning zeros, fresh tables, memories and globals) and
    /// calls every exported function with zero arguments, under fuel, in two runtimes side by
    /// side: one whose code consumes fuel and one whose code does not (the translation without
    /// fuel charges). Whatever the metered run finishes, the plain one must finish the same way:
    /// the same results, bit for bit, or the same trap, and the same exported globals and
    /// memories afterwards. A metered call that runs out of fuel ends the comparison (the plain
    /// run would go on, perhaps forever).
    public static func instantiateAndCall(_ bytes: [UInt8]) -> String? {
        guard let module = try? ModuleDecoder.decode(bytes), let compiled = try? CompiledModule(module: module) else { return nil }
        let metered = Runtime(configuration: fuzzConfiguration(fuel: fuelPerCall))
        let plain = Runtime(configuration: fuzzConfiguration(fuel: nil))
        let meteredInstance: Instance
        do {
            meteredInstance = try metered.instantiate(compiled, imports: try standIns(for: module, in: metered))
        } catch InstantiationError.trap(let trap) where trap.reason == .outOfFuel {
            return nil  // The start function ran out: the plain runtime might run forever.
        } catch {
            let plainResult = Result { try plain.instantiate(compiled, imports: try standIns(for: module, in: plain)) }
            if case .success = plainResult { return "instantiation failed with fuel (\(error)) and succeeded without" }
            return nil
        }
        let plainInstance: Instance
        do {
            plainInstance = try plain.instantiate(compiled, imports: try standIns(for: module, in: plain))
        } catch {
            return "instantiation succeeded with fuel and failed without: \(error)"
        }
        for export in module.exports {
            guard case .function = export.descriptor,
                  let meteredFunction = meteredInstance.function(export.name),
                  let plainFunction = plainInstance.function(export.name) else { continue }
            let arguments = meteredFunction.type.parameters.map(zero)
            metered.fuel = fuelPerCall
            let meteredOutcome = outcome { try meteredFunction.call(arguments) }
            guard let left = metered.fuel, left <= fuelPerCall else { return "fuel left after \(export.name) is not what was given or less" }
            if meteredOutcome == .trap(.outOfFuel) { return nil }  // Stopped part way: the states differ from here.
            let plainOutcome = outcome { try plainFunction.call(arguments) }
            if meteredOutcome != plainOutcome {
                return "\(export.name): \(meteredOutcome) with fuel, \(plainOutcome) without"
            }
        }
        for export in module.exports {
            switch (meteredInstance.export(export.name), plainInstance.export(export.name)) {
            case (.global(let a), .global(let b)) where a.value != b.value:
                return "global \(export.name) is \(a.value) with fuel, \(b.value) without"
            case (.memory(let a), .memory(let b)):
                let same = a.withUnsafeMutableBytes { first in b.withUnsafeMutableBytes { second in first.elementsEqual(second) } }
                if !same { return "memory \(export.name) differs with fuel and without" }
            default:
                continue
            }
        }
        return nil
    }

    /// Fuel for each call (and for instantiation, start function included).
    static let fuelPerCall: UInt64 = 100_000

    /// Small stacks and limits, so that an input costs little time and memory.
    static func fuzzConfiguration(fuel: UInt64?) -> RuntimeConfiguration {
        var configuration = RuntimeConfiguration()
        configuration.fuel = fuel
        configuration.maxCallDepth = 2_000
        configuration.valueStackSlots = 1 << 16
        configuration.resourceLimits = ResourceLimits(memoryBytes: 32 << 20, tableElements: 100_000, instances: 4,
                                                      memories: 16, tables: 64)
        return configuration
    }

    /// How a call ended, comparable bit for bit.
    enum Outcome: Equatable, CustomStringConvertible {
        case results([Value])
        case trap(TrapReason)
        case error(String)

        var description: String {
            switch self {
            case .results(let values): return "results \(values)"
            case .trap(let reason): return "trap \(reason)"
            case .error(let message): return "error \(message)"
            }
        }
    }

    static func outcome(_ call: () throws -> [Value]) -> Outcome {
        do {
            return .results(try call())
        } catch let trap as Trap {
            return .trap(trap.reason)
        } catch {
            return .error("\(error)")
        }
    }

    /// Stand-ins for a module's imports, made in `runtime` in import order (so that two
    /// runtimes give their functions the same addresses).
    static func standIns(for module: Module, in runtime: Runtime) throws -> Imports {
        var imports = Imports()
        for entry in module.imports {
            let value: ExternalValue
            switch entry.descriptor {
            case .function(let typeIndex):
                guard let type = module.functionType(at: typeIndex) else { continue }
                let results = type.results.map(zero)
                value = .function(runtime.hostFunction(type: type) { _ in results })
            case .table(let type):
                value = .table(try runtime.createTable(type, initialValue: .null(type.elementType)))
            case .memory(let type):
                value = .memory(try runtime.createMemory(type))
            case .global(let type):
                value = .global(runtime.createGlobal(type, value: zero(type.valueType)))
            case .tag:
                continue
            }
            imports.define(module: entry.module, name: entry.name, value)
        }
        return imports
    }

    /// The zero value of `type` (a null reference for references).
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

    /// (c) Parses text as a module and as a spec script. A module that assembles must decode:
    /// the assembler's output is well formed whatever the text said.
    public static func parseText(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? WastScript.parse(text)
        guard let binary = try? WatParser.assemble(text) else { return nil }
        do {
            _ = try ModuleDecoder.decode(binary, limits: .unlimited)
        } catch {
            return "assembled text does not decode: \(error)"
        }
        return nil
    }

    /// (d) Decodes, encodes and decodes again: the same module (function bodies compared
    /// instruction by instruction after re-encoding each instruction), and encoding is stable.
    public static func roundTrip(_ bytes: [UInt8]) -> String? {
        guard let first = try? ModuleDecoder.decode(bytes, limits: .unlimited) else { return nil }
        let encoded = ModuleEncoder.encode(first)
        let second: Module
        do {
            second = try ModuleDecoder.decode(encoded, limits: .unlimited)
        } catch {
            return "the encoding of a decoded module does not decode: \(error)"
        }
        if withoutOffsets(first) != withoutOffsets(second) { return "decode → encode → decode changed the module" }
        if ModuleEncoder.encode(second) != encoded { return "encoding a re-decoded module gave other bytes" }
        for body in first.codes {
            guard let instructions = try? decodeInstructions(body.code) else { continue }
            var reencoded: [UInt8] = []
            for instruction in instructions { InstructionEncoder.encode(instruction, into: &reencoded) }
            guard let again = try? decodeInstructions(reencoded), again == instructions else {
                return "an instruction does not survive encode → decode: \(instructions)"
            }
        }
        return nil
    }

    /// The instructions of a body's code.
    static func decodeInstructions(_ code: [UInt8]) throws(DecodeError) -> [Instruction] {
        var reader = InstructionReader(code: code)
        var instructions: [Instruction] = []
        while !reader.isAtEnd { instructions.append(try reader.next()) }
        return instructions
    }

    /// The module with its function bodies' byte offsets cleared (re-encoding may shorten the
    /// integers before a body, which moves it).
    static func withoutOffsets(_ module: Module) -> Module {
        var module = module
        for index in module.codes.indices { module.codes[index].codeOffset = 0 }
        return module
    }
}
