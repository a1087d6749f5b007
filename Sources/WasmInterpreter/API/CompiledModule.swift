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
        let module: Module
        do {
            module = try ModuleDecoder.decode(bytes, features: features, limits: limits)
        } catch {
            throw error.isUnsupported ? .unsupported(Self.unsupportedFeature(error.description)) : .decode(error)
        }
        try self.init(module: module, features: features)
    }

    /// Validates and translates a decoded module.
    public init(module: Module, features: WasmFeatures = .all) throws(CompileError) {
        self.module = module
        do {
            context = try ModuleContext(module: module, features: features)
        } catch {
            throw error.isUnsupported ? .unsupported(Self.unsupportedFeature(error.description)) : .validation(error)
        }
        do {
            code = try TranslatedCode(module: module, context: context)
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

    init(module: Module, context: ModuleContext, metering: Bool = false) throws(CompileError) {
        var builder = CodeBuilder()
        var entries: [Int] = []
        var frameSlots: [Int] = []
        var callFixups: [(position: Int, callee: UInt32)] = []
        // With fuel: what each function's first block costs, which a call charges (Translator+Fuel).
        var entryCharges: [(target: Int, cost: Int)] = []
        var exceptionHandlers = ExceptionHandlerTable()
        let importCount = context.importedFunctionCount
        for (index, body) in module.codes.enumerated() {
            entries.append(builder.position)
            // The translator owns the words while it works (no copy of the buffer).
            var translator = try Translator(code: consume builder, context: context, module: module,
                                            functionIndex: UInt32(importCount + index), body: body, metering: metering)
            frameSlots.append(try translator.translate(body: body))
            if metering { entryCharges.append(translator.fuelCharge(at: entries[index]) ?? (entries[index], 0)) }
            builder = translator.code
            callFixups += translator.callFixups
            exceptionHandlers.append(function: translator.exceptionHandlers)
        }
        for fixup in callFixups {
            let callee = Int(fixup.callee) - importCount
            if builder.words[fixup.position] == Handlers.meteredCallInternal {
                // The call charges the callee's first block and enters past its charge (a tail
                // call enters at the charge).
                builder.patch(fixup.position + 2, instructionStart: fixup.position, target: entryCharges[callee].target)
                builder.set(fixup.position + 4, UInt64(entryCharges[callee].cost))
            } else {
                builder.patch(fixup.position + 2, instructionStart: fixup.position, target: entries[callee])
            }
            builder.set(fixup.position + 3, UInt64(frameSlots[callee]))
        }
        let words = builder.words
        count = words.count
        let buffer = CodePointer.allocate(capacity: max(count, 1))
        buffer.initialize(repeating: 0, count: max(count, 1))
        words.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { buffer.update(from: start, count: source.count) }
        }
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
            let code = try TranslatedCode(module: compiled.module, context: compiled.context, metering: true)
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
