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
