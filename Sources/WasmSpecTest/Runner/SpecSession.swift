import WasmBinary
import WasmInterpreter
import WasmText

/// The state of one script's run: its runtime, the imports registered so far, and its modules.
final class SpecSession {
    let runner: SpecRunner
    let runtime: Runtime
    var imports = Imports()
    /// Modules by their script name (`$M`).
    var namedModules: [String: ModuleSlot] = [:]
    /// The module defined last.
    var currentModule: ModuleSlot?
    /// Names a `register` could not provide (its module failed or was skipped), with its line:
    /// an import from them is not a test of linking.
    var unavailableRegistrations: [String: Int] = [:]
    /// Modules defined without an instance (`module definition`), by name.
    var definitions: [String: DefinitionSlot] = [:]
    /// The module definition read last.
    var currentDefinition: DefinitionSlot?

    /// A `module definition` command's outcome: a compiled module to instantiate, or why there is none.
    enum DefinitionSlot {
        case compiled(CompiledModule)
        case unavailable(line: Int, outcome: SpecOutcome)
    }

    /// A module command's outcome: an instance to act on, or why there is none.
    enum ModuleSlot {
        case instance(Instance)
        /// The module at `line` was skipped or failed; commands on it are skipped or fail too.
        case unavailable(line: Int, outcome: SpecOutcome)
    }

    /// A module compiled, or why not.
    enum Compilation {
        case compiled(CompiledModule)
        /// The module was refused: by the text compiler, the decoder or the validator.
        case rejected(String, stage: RejectionStage)
        case skipped(String)
    }

    enum RejectionStage {
        case text, decode, validation
        /// An implementation limit of the engine (too many locals, too deep nesting, ...).
        case limit
        /// Something the engine does not implement; says nothing about the module's validity.
        case unsupported
    }

    /// What an action did.
    enum ActionResult {
        case returned([Value])
        case trapped(Trap)
        /// An exception left the action uncaught.
        case threw(WasmException)
        /// The action could not be performed (no such module or export, bad arguments, ...).
        case unperformed(SpecOutcome)
    }

    init(runner: SpecRunner) throws(InstantiationError) {
        self.runner = runner
        runtime = Runtime(configuration: runner.configuration)
        try SpecTestHost.define(in: runtime, into: &imports)
    }

    /// Runs one command; nil for a successful `register`, which is not counted.
    func run(_ command: SpecCommand) -> SpecResult? {
        let description = command.kind.summary
        switch command.kind {
        case .module(let module, let name):
            let (slot, outcome) = instantiate(module, line: command.line)
            currentModule = slot
            if let name { namedModules[name] = slot }
            return SpecResult(line: command.line, command: description, outcome: outcome)
        case .moduleDefinition(let module, let name):
            let (slot, outcome) = define(module, line: command.line)
            currentDefinition = slot
            if let name { definitions[name] = slot }
            return SpecResult(line: command.line, command: description, outcome: outcome)
        case .moduleInstance(let name, let definitionName):
            let (slot, outcome) = instantiateDefinition(named: definitionName, line: command.line)
            currentModule = slot
            if let name { namedModules[name] = slot }
            return SpecResult(line: command.line, command: description, outcome: outcome)
        case .assertException(let action):
            return SpecResult(line: command.line, command: description, outcome: checkException(action))
        case .register(let exportName, let name):
            switch self.module(named: name) {
            case .instance(let instance):
                imports.define(module: exportName, instance: instance)
                return nil
            case .unavailable(let outcome):
                unavailableRegistrations[exportName] = command.line
                return SpecResult(line: command.line, command: description, outcome: outcome)
            }
        case .unreadable(let reason):
            return SpecResult(line: command.line, command: description, outcome: .failed("unreadable: \(reason)"))
        case .action(let action):
            return SpecResult(line: command.line, command: description, outcome: checkAction(action))
        case .assertReturn(let action, let expected):
            let outcome = checkReturn(action, expected: expected)
            return SpecResult(line: command.line, command: description, outcome: outcome)
        case .assertTrap(let action, let message):
            let outcome = checkTrap(action, message: message, exhaustion: false)
            return SpecResult(line: command.line, command: description, outcome: outcome)
        case .assertExhaustion(let action, let message):
            let outcome = checkTrap(action, message: message, exhaustion: true)
            return SpecResult(line: command.line, command: description, outcome: outcome)
        case .assertInvalid(let module, let message):
            let (outcome, note) = checkRejected(module, message: message, expectedStage: .validation)
            return SpecResult(line: command.line, command: description, outcome: outcome, note: note)
        case .assertMalformed(let module, let message):
            let (outcome, note) = checkRejected(module, message: message, expectedStage: .decode)
            return SpecResult(line: command.line, command: description, outcome: outcome, note: note)
        case .assertUnlinkable(let module, let message):
            let (outcome, note) = checkInstantiationFails(module, message: message, unlinkable: true)
            return SpecResult(line: command.line, command: description, outcome: outcome, note: note)
        case .assertUninstantiable(let module, let message):
            let (outcome, note) = checkInstantiationFails(module, message: message, unlinkable: false)
            return SpecResult(line: command.line, command: description, outcome: outcome, note: note)
        }
    }

    /// Compiles and instantiates a `module` command's module.
    func instantiate(_ module: SpecModule, line: Int) -> (ModuleSlot, SpecOutcome) {
        let outcome: SpecOutcome
        switch compile(module) {
        case .skipped(let reason):
            outcome = .skipped(reason)
        case .rejected(let message, _):
            outcome = .failed("did not compile: \(message)")
        case .compiled(let compiled):
            do {
                return (.instance(try runtime.instantiate(compiled, imports: imports)), .passed)
            } catch {
                outcome = .failed("did not instantiate: \(explainUnlinkable(error))")
            }
        }
        return (.unavailable(line: line, outcome: outcome), outcome)
    }

    /// An instantiation error, naming the failed registration behind an unknown import.
    func explainUnlinkable(_ error: InstantiationError) -> String {
        if case .unlinkable(let reason) = error,
           let line = unavailableRegistrations.first(where: { reason.hasPrefix("unknown import \($0.key).") })?.value {
            return "the registration of line \(line) failed (\(reason))"
        }
        return error.description
    }

    /// Compiles a `module definition` command's module without instantiating it.
    func define(_ module: SpecModule, line: Int) -> (DefinitionSlot, SpecOutcome) {
        let outcome: SpecOutcome
        switch compile(module) {
        case .skipped(let reason): outcome = .skipped(reason)
        case .rejected(let message, _): outcome = .failed("did not compile: \(message)")
        case .compiled(let compiled): return (.compiled(compiled), .passed)
        }
        return (.unavailable(line: line, outcome: outcome), outcome)
    }

    /// Instantiates the module definition called `name` (the last one when nil).
    func instantiateDefinition(named name: String?, line: Int) -> (ModuleSlot, SpecOutcome) {
        let outcome: SpecOutcome
        switch name.map({ definitions[$0] }) ?? currentDefinition {
        case .compiled(let compiled)?:
            do {
                return (.instance(try runtime.instantiate(compiled, imports: imports)), .passed)
            } catch {
                outcome = .failed("did not instantiate: \(explainUnlinkable(error))")
            }
        case .unavailable(let definitionLine, let definitionOutcome)?:
            if case .skipped = definitionOutcome {
                outcome = definitionOutcome
            } else {
                outcome = .failed("the module definition of line \(definitionLine) is unavailable (it failed)")
            }
        case nil:
            outcome = .failed(name.map { "no module definition named \($0)" } ?? "no module definition yet")
        }
        return (.unavailable(line: line, outcome: outcome), outcome)
    }

    /// Decodes and validates a module, compiling it from text first if needed.
    func compile(_ module: SpecModule) -> Compilation {
        let bytes: [UInt8]
        switch module.source {
        case .binary(let binary):
            bytes = binary
        case .text(let text):
            guard let textCompiler = runner.textCompiler else { return .skipped(SpecRunner.textSkipReason) }
            do {
                bytes = try textCompiler(text)
            } catch let error as WatError where error.isUnsupported {
                return .rejected("\(error)", stage: .unsupported)
            } catch {
                return .rejected("\(error)", stage: .text)
            }
        }
        do {
            return .compiled(try CompiledModule(bytes: bytes, features: runner.features))
        } catch {
            switch error {
            case .decode: return .rejected(error.description, stage: .decode)
            case .validation: return .rejected(error.description, stage: .validation)
            case .limitExceeded: return .rejected(error.description, stage: .limit)
            case .unsupported: return .rejected(error.description, stage: .unsupported)
            }
        }
    }

    enum ModuleLookup {
        case instance(Instance)
        case unavailable(SpecOutcome)
    }

    /// The module called `name`, or the current one when nil.
    func module(named name: String?) -> ModuleLookup {
        let slot = name.map { namedModules[$0] } ?? currentModule
        switch slot {
        case .instance(let instance)?:
            return .instance(instance)
        case .unavailable(let line, let outcome)?:
            if case .skipped(let reason) = outcome { return .unavailable(.skipped(reason)) }
            return .unavailable(.failed("the module of line \(line) is unavailable (it failed)"))
        case nil:
            return .unavailable(.failed(name.map { "no module named \($0)" } ?? "no module defined yet"))
        }
    }

    /// Invokes an export or reads a global.
    func perform(_ action: SpecAction) -> ActionResult {
        let instance: Instance
        switch module(named: action.module) {
        case .instance(let found): instance = found
        case .unavailable(let outcome): return .unperformed(outcome)
        }
        switch action {
        case .invoke(_, let field, let arguments):
            do {
                return .returned(try instance.invoke(field, arguments))
            } catch let trap as Trap {
                return .trapped(trap)
            } catch let exception as WasmException {
                return .threw(exception)
            } catch {
                return .unperformed(.failed("cannot invoke \"\(field)\": \(error)"))
            }
        case .get(_, let field):
            guard let global = instance.global(field) else {
                return .unperformed(.failed("no exported global \"\(field)\""))
            }
            return .returned([global.value])
        }
    }
}
