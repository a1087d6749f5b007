import WasmBinary

/// Validates whole modules against the WebAssembly 3.0 rules (garbage collection aside), or those
/// of the features asked for.
/// <https://webassembly.github.io/spec/core/valid/index.html>
public enum ModuleValidator {
    /// Validates the module-level rules and every function body; throws the first error found.
    /// `features` are what validation accepts beyond WebAssembly 2.0 (by default all it knows).
    public static func validate(_ module: Module, features: WasmFeatures = .all) throws(ValidationError) {
        let context = try ModuleContext(module: module, features: features)
        for (position, body) in module.codes.enumerated() {
            let functionIndex = UInt32(truncatingIfNeeded: context.importedFunctionCount + position)
            try FunctionValidator.validateBody(body, functionIndex: functionIndex, context: context)
        }
    }
}
