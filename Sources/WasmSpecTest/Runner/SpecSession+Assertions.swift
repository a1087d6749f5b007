import WasmBinary
import WasmInterpreter

extension SpecSession {
    /// `action`: it must not trap.
    func checkAction(_ action: SpecAction) -> SpecOutcome {
        switch perform(action) {
        case .returned: return .passed
        case .trapped(let trap): return .failed("trapped: \(trap)")
        case .threw(let exception): return .failed("\(exception)")
        case .unperformed(let outcome): return outcome
        }
    }

    /// `assert_return`: the action must return values the expectations accept.
    func checkReturn(_ action: SpecAction, expected: [ExpectedValue]) -> SpecOutcome {
        let shapes = SpecValueFormat.shapes(of: expected)
        let wanted = SpecValueFormat.describe(expected)
        switch perform(action) {
        case .returned(let values):
            if values.count == expected.count && zip(expected, values).allSatisfy({ $0.matches($1) }) {
                return .passed
            }
            return .failed("expected \(wanted), got \(SpecValueFormat.describe(values, shapes: shapes))")
        case .trapped(let trap):
            return .failed("expected \(wanted), trapped: \(trap)")
        case .threw(let exception):
            return .failed("expected \(wanted), \(exception)")
        case .unperformed(let outcome):
            return outcome
        }
    }

    /// `assert_trap`/`assert_exhaustion`: the action must trap with a message containing
    /// `message` (for exhaustion, with the call stack exhausted).
    func checkTrap(_ action: SpecAction, message: String, exhaustion: Bool) -> SpecOutcome {
        switch perform(action) {
        case .returned(let values):
            return .failed("expected trap \"\(message)\", got \(SpecValueFormat.describe(values))")
        case .trapped(let trap):
            if exhaustion && trap.reason != .callStackExhausted {
                return .failed("expected call stack exhaustion, trapped: \(trap)")
            }
            if !trap.description.contains(message) {
                return .failed("expected trap \"\(message)\", trapped: \(trap)")
            }
            return .passed
        case .threw(let exception):
            return .failed("expected trap \"\(message)\", \(exception)")
        case .unperformed(let outcome):
            return outcome
        }
    }

    /// `assert_exception`: the action must end in a WebAssembly exception that nothing caught.
    func checkException(_ action: SpecAction) -> SpecOutcome {
        switch perform(action) {
        case .returned(let values):
            return .failed("expected an uncaught exception, got \(SpecValueFormat.describe(values))")
        case .trapped(let trap):
            return .failed("expected an uncaught exception, trapped: \(trap)")
        case .threw:
            return .passed
        case .unperformed(let outcome):
            return outcome
        }
    }

    /// `assert_invalid`/`assert_malformed`: the module must not compile.
    func checkRejected(
        _ module: SpecModule, message: String, expectedStage: RejectionStage
    ) -> (SpecOutcome, note: String?) {
        switch compile(module) {
        case .skipped(let reason):
            return (.skipped(reason), nil)
        case .compiled:
            return (.failed("compiled, expected \"\(message)\""), nil)
        case .rejected(let error, .unsupported):
            return (.failed("not supported by the engine (\(error)), expected \"\(message)\""), nil)
        case .rejected(let error, let stage):
            var notes: [String] = []
            if stage != expectedStage && !(expectedStage == .decode && stage == .text) {
                let rejecter: String
                switch stage {
                case .validation: rejecter = "validator"
                case .decode: rejecter = "decoder"
                case .text: rejecter = "text parser"
                case .limit, .unsupported: rejecter = "engine's limits"
                }
                notes.append("rejected by the \(rejecter)")
            }
            if !error.contains(message) { notes.append("message \"\(error)\", expected \"\(message)\"") }
            return (.passed, notes.isEmpty ? nil : notes.joined(separator: "; "))
        }
    }

    /// `assert_unlinkable`/`assert_uninstantiable`: the module must compile, then fail to link
    /// (unlinkable) or trap while instantiating.
    func checkInstantiationFails(
        _ module: SpecModule, message: String, unlinkable: Bool
    ) -> (SpecOutcome, note: String?) {
        let compiled: CompiledModule
        switch compile(module) {
        case .skipped(let reason): return (.skipped(reason), nil)
        case .rejected(let error, _): return (.failed("did not compile: \(error)"), nil)
        case .compiled(let module): compiled = module
        }
        do {
            _ = try runtime.instantiate(compiled, imports: imports)
            return (.failed("instantiated, expected \"\(message)\""), nil)
        } catch {
            let got: String
            switch error {
            case .unlinkable(let reason):
                if let line = unavailableRegistrations.first(where: { reason.hasPrefix("unknown import \($0.key).") })?.value {
                    return (.failed("unlinkable only because the registration of line \(line) failed (\(reason))"), nil)
                }
                guard unlinkable else { return (.failed("unlinkable (\(reason)), expected trap \"\(message)\""), nil) }
                got = reason
            case .trap(let trap):
                guard !unlinkable else {
                    return (.failed("trapped (\(trap)), expected unlinkable \"\(message)\""), nil)
                }
                got = trap.description
            case .resourceExhausted(let reason), .limitExceeded(let reason):
                return (.failed("out of resources (\(reason)), expected \"\(message)\""), nil)
            case .uncaughtException(let exception):
                return (.failed("\(exception) while instantiating, expected \"\(message)\""), nil)
            }
            return (.passed, got.contains(message) ? nil : "message \"\(got)\", expected \"\(message)\"")
        }
    }
}
