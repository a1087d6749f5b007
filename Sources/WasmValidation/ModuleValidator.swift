import WasmBinary

/// Validates whole modules against the WebAssembly 2.0 rules.
/// <https://webassembly.github.io/spec/core/valid/index.html>
public enum ModuleValidator {
    /// Validates the module-level rules and every function body; throws the first error found.
    public static func validate(_ module: Module) throws(ValidationError) {
        let context = try ModuleContext(module: module)
        for (position, body) in module.codes.enumerated() {
            let functionIndex = UInt32(truncatingIfNeeded: context.importedFunctionCount + position)
            try FunctionValidator.validateBody(body, functionIndex: functionIndex, context: context)
        }
    }
}
