import WasmBinary
import WasmInterpreter

/// Runs spec scripts through the interpreter: one ``Runtime`` per script, with the `spectest`
/// host module, named modules and `register`, and every assertion kind.
public struct SpecRunner: Sendable {
    /// The limits every script's runtime gets.
    public var configuration: RuntimeConfiguration
    /// Turns a text-format module into a binary one, throwing when the text is malformed (by
    /// default WasmText's parser); when nil, commands on text-format modules are skipped.
    public var textCompiler: (@Sendable ([UInt8]) throws -> [UInt8])?

    /// What modules may use beyond WebAssembly 2.0 (all the engine knows by default;
    /// `.webAssembly2` for the 2.0 testsuite, which asserts that 3.0 additions are rejected).
    public var features: WasmFeatures

    /// The reason reported for text-format modules when there is no text compiler.
    public static let textSkipReason = "text format: needs the WAT parser"

    /// A runner with these limits, text compiler (by default WasmText's; nil skips text-format
    /// modules) and features.
    public init(
        configuration: RuntimeConfiguration = RuntimeConfiguration(),
        textCompiler: (@Sendable ([UInt8]) throws -> [UInt8])? = SpecRunner.watTextCompiler,
        features: WasmFeatures = .all
    ) {
        self.configuration = configuration
        self.textCompiler = textCompiler
        self.features = features
    }

    /// Runs every command of `script` in order and reports each one.
    ///
    /// A successful `register` is a step, not a check: it is not counted (one that fails is).
    public func run(_ script: SpecScript) -> SpecReport {
        var report = SpecReport(script: script.name, sourceName: script.sourceName)
        let session: SpecSession
        do {
            session = try SpecSession(runner: self)
        } catch {
            report.results.append(
                SpecResult(line: 0, command: "spectest module", outcome: .failed("cannot create it: \(error)")))
            return report
        }
        for command in script.commands {
            if let result = session.run(command) {
                report.results.append(result)
            }
        }
        return report
    }
}
