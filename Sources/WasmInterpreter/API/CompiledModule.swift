import Synchronization
import WasmBinary
import WasmValidation

/// Why a module could not be compiled.
public enum CompileError: Error, CustomStringConvertible {
    /// The bytes are not a well-formed module.
    case decode(DecodeError)
    /// The module is well formed but not valid.
    case validation(ValidationError)
    /// The module uses something this engine does not execute.
    case unsupported(String)
    /// The module exceeds one of this engine's implementation limits.
    case limitExceeded(String)

    /// The message, in the testsuite's words where it has them.
    public var description: String {
        switch self {
        case .decode(let error): return error.description
        case .validation(let error): return error.description
        case .unsupported(let message): return "unsupported: \(message)"
        case .limitExceeded(let message): return "implementation limit: \(message)"
        }
    }
}

/// A module decoded, validated and translated for the interpreter, ready to instantiate any
/// number of times in any runtime.
public struct CompiledModule: @unchecked Sendable {
    /// The decoded module.
    public let module: Module
    let context: ModuleContext
    let code: TranslatedCode
    /// The code with fuel charges, translated the first time a runtime that consumes fuel
    /// instantiates the module.
    let meteredCode = MeteredCode()

    /// Decodes, validates and translates a binary module; `features` are what decoding and
    /// validation accept beyond WebAssembly 2.0 (by default all they know). Counts and sizes
    /// over `limits` are rejected as `CompileError.decode` before anything is allocated for them.
    public init(bytes: [UInt8], features: WasmFeatures = .all, limits: DecoderLimits = DecoderLimits()) throws(CompileError) {
        try self.init(bytes: bytes, features: features, limits: limits, superinstructions: true)
    }

    /// Decodes, validates and translates a binary module, with or without superinstructions
    /// (without: every instruction is its own dispatch, as the dispatch profile needs to count
    /// the pairs that superinstructions are chosen from).
    @_spi(Profiling)
    public init(bytes: [UInt8], features: WasmFeatures = .all, limits: DecoderLimits = DecoderLimits(),
                superinstructions: Bool) throws(CompileError) {
        // The translator reads every instruction of every body, so decoding leaves them unread
        // (one pass over the code instead of two). If anything fails, the module is decoded
        // again reading the bodies, so that the error reported is the one decoding alone would
        // find first (a malformed body comes before any validation error).
        do {
            let module = try ModuleDecoder.decodeLeavingInstructionsUnread(bytes, features: features, limits: limits)
            try self.init(module: module, features: features, superinstructions: superinstructions)
            return
        } catch {}
        let module: Module
        do {
            module = try ModuleDecoder.decode(bytes, features: features, limits: limits)
        } catch {
            throw error.isUnsupported ? .unsupported(Self.unsupportedFeature(error.description)) : .decode(error)
        }
        try self.init(module: module, features: features, superinstructions: superinstructions)
    }

    /// Validates and translates a decoded module.
    public init(module: Module, features: WasmFeatures = .all) throws(CompileError) {
        try self.init(module: module, features: features, superinstructions: true)
    }

    init(module: Module, features: WasmFeatures, superinstructions: Bool) throws(CompileError) {
        self.module = module
        do {
            context = try ModuleContext(module: module, features: features)
        } catch {
            throw error.isUnsupported ? .unsupported(Self.unsupportedFeature(error.description)) : .validation(error)
        }
        do {
            code = try TranslatedCode(module: module, context: context, superinstructions: superinstructions)
        } catch .unsupported(let message) {
            // Translation stopped at the first thing it cannot run; the module may still be
            // invalid further on, and invalid is the more useful answer.
            do {
                try ModuleValidator.validate(module, features: features)
            } catch {
                throw error.isUnsupported ? .unsupported(Self.unsupportedFeature(error.description)) : .validation(error)
            }
            throw .unsupported(message)
        } catch .validation(let error) where error.isUnsupported {
            throw .unsupported(Self.unsupportedFeature(error.description))
        }
    }

    /// An unsupported-feature error's text without its own `unsupported: ` (the `CompileError`
    /// adds it).
    static func unsupportedFeature(_ description: String) -> String {
        var text = description
        if let range = text.firstRange(of: "unsupported: ") { text.removeSubrange(range) }
        return text
    }
}

/// The translated code of all functions defined by a module, in one immutable buffer.
final class TranslatedCode: @unchecked Sendable {
    let base: CodePointer
    let count: Int
    /// Entry offset of each defined function.
    let entries: [Int]
    /// Frame size in slots of each defined function.
    let frameSlots: [Int]
    /// Where exceptions thrown in each defined function go (see Runtime+Exceptions).
    let exceptionHandlers: ExceptionHandlerTable

    /// Translates `module`'s functions; with `metering`, with the fuel charges of Translator+Fuel.
    init(module: Module, context: ModuleContext, superinstructions: Bool, metering: Bool = false) throws(CompileError) {
        var entries: [Int] = []
        var frameSlots: [Int] = []
        // With fuel: what each function's first block costs, which a call charges (Translator+Fuel).
        var entryCharges: [(target: Int, cost: Int)] = []
        var exceptionHandlers = ExceptionHandlerTable()
        let importCount = context.importedFunctionCount
        var translator = Translator(context: context, module: module, superinstructions: superinstructions, metering: metering)
        defer { translator.deallocate() }
        // About two words of code per byte of a body: reserved once, so the buffer rarely moves.
        translator.code.reserveCapacity(module.codes.reduce(0) { $0 + $1.code.count } * 2)
        entries.reserveCapacity(module.codes.count)
        frameSlots.reserveCapacity(module.codes.count)
        for (index, body) in module.codes.enumerated() {
            entries.append(translator.code.position)
            frameSlots.append(try translator.translate(function: UInt32(importCount + index), body: body))
            if metering { entryCharges.append(translator.fuelCharge(at: entries[index]) ?? (entries[index], 0)) }
            exceptionHandlers.append(function: translator.exceptionHandlers)
        }
        for fixup in translator.callFixups {
            let callee = Int(fixup.callee) - importCount
            if translator.code.words[fixup.position] == Handlers.meteredCallInternal {
                // The call charges the callee's first block and enters past its charge (a tail
                // call enters at the charge).
                translator.code.patch(fixup.position + 2, instructionStart: fixup.position, target: entryCharges[callee].target)
                translator.code.set(fixup.position + 4, UInt64(entryCharges[callee].cost))
            } else {
                translator.code.patch(fixup.position + 2, instructionStart: fixup.position, target: entries[callee])
            }
            translator.code.set(fixup.position + 3, UInt64(frameSlots[callee]))
        }
        // The translator's buffer becomes the code (no copy).
        let (buffer, wordCount) = translator.code.takeWords()
        count = wordCount
        base = buffer
        self.entries = entries
        self.frameSlots = frameSlots
        self.exceptionHandlers = exceptionHandlers
    }

    /// The defined function whose code contains `position` (a position in this code), if any.
    func function(containing position: Int) -> Int? {
        guard position >= 0, position < count, let first = entries.first, position >= first else { return nil }
        var low = 0, high = entries.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if entries[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The position in this code of `pointer`, when it points into it.
    func position(of pointer: CodePointer) -> Int? {
        let position = pointer - base
        return position >= 0 && position < count ? position : nil
    }

    deinit {
        base.deallocate()
    }
}

/// A module's code with fuel charges (Translator+Fuel), translated once, on first use, by
/// whichever runtime needs it first; instances in any runtime share it.
final class MeteredCode: Sendable {
    private let translation = Mutex<TranslatedCode?>(nil)

    /// The metered translation of `compiled`'s module.
    func code(for compiled: CompiledModule) throws(CompileError) -> TranslatedCode {
        try translation.withLock { (translation: inout TranslatedCode?) throws(CompileError) -> TranslatedCode in
            if let translation { return translation }
            let code = try TranslatedCode(module: compiled.module, context: compiled.context, superinstructions: true, metering: true)
            translation = code
            return code
        }
    }
}

extension CompiledModule {
    /// The code a runtime runs: with fuel charges when it consumes fuel.
    func translatedCode(metered: Bool) throws(CompileError) -> TranslatedCode {
        metered ? try meteredCode.code(for: self) : code
    }
}
