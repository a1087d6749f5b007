import WasmBinary
import WasmValidation

/// A module with the given types and one defined function of type `types[functionType]`.
func module(
    types: [FunctionType] = [FunctionType()],
    functionType: UInt32 = 0,
    configure: (inout Module) -> Void = { _ in }
) -> Module {
    var module = Module()
    module.types = types.map(DefinedType.init)
    module.functionTypeIndices = [functionType]
    module.codes = [FunctionBody(locals: [], code: [0x0B])]
    configure(&module)
    return module
}

/// Feeds `instructions` (which should end with the function's final `end`) to a validator for the
/// module's first defined function, with the given extra locals; returns the validator.
@discardableResult
func validateFunction(
    _ instructions: [Instruction],
    in module: Module = module(),
    locals: [LocalGroup] = []
) throws(ValidationError) -> FunctionValidator {
    let context = try ModuleContext(module: module)
    let functionIndex = UInt32(context.importedFunctionCount)
    var validator = try FunctionValidator(
        context: context, functionIndex: functionIndex, body: FunctionBody(locals: locals, code: [0x0B]))
    for (position, instruction) in instructions.enumerated() {
        try validator.validate(instruction, at: position)
    }
    return validator
}

/// The message of the error `body` throws, or nil if it throws nothing.
func validationMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as ValidationError {
        return error.message
    } catch {
        return "not a validation error: \(error)"
    }
}

/// True if the validation error's message starts with the testsuite's words `expected`.
func fails(with expected: String, _ body: () throws -> Void) -> Bool {
    guard let message = validationMessage(body) else { return false }
    return message.hasPrefix(expected)
}

extension FunctionType {
    init(_ parameters: [ValueType], _ results: [ValueType]) {
        self.init(parameters: parameters, results: results)
    }
}
