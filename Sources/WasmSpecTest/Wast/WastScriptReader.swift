import Foundation
import WasmBinary
import WasmInterpreter
import WasmText

/// Reads spec test scripts in the text format (the testsuite's `wast/NAME.wast`) with WasmText's
/// WAST parser, into the same ``SpecScript`` the JSON form gives.
///
/// Text modules are assembled to binaries here; quoted modules, and text modules of
/// `assert_malformed` that do not parse, stay text, so the runner's text compiler rejects them
/// as malformed. Lines are those `wast2json` gives: a module's `(module` line for module
/// commands and module assertions, the command's own line for the others.
public enum WastScriptReader {
    /// Reads and parses the script at `path`; its name is the file name without `.wast`.
    public static func read(path: String) throws(SpecScriptError) -> SpecScript {
        let url = URL(fileURLWithPath: path)
        let data = try SpecScriptFiles.read(path: path)
        return try parse(
            String(decoding: data, as: UTF8.self),
            name: url.deletingPathExtension().lastPathComponent,
            sourceName: url.lastPathComponent)
    }

    /// Parses a script from its text; a script that does not parse throws, naming line and column.
    public static func parse(_ text: String, name: String, sourceName: String) throws(SpecScriptError) -> SpecScript {
        let wast: WastScript
        do {
            wast = try WastScript.parse(text)
        } catch {
            throw SpecScriptError("\(sourceName): \(error)")
        }
        return script(wast, name: name, sourceName: sourceName)
    }

    /// The spec script for a parsed WAST script.
    public static func script(_ wast: WastScript, name: String, sourceName: String) -> SpecScript {
        SpecScript(name: name, sourceName: sourceName, commands: wast.commands.map(command))
    }

    /// One command, at the line `wast2json` gives it.
    static func command(_ command: WastCommand) -> SpecCommand {
        switch command.kind {
        case .module(let module):
            return SpecCommand(line: module.line, kind: .module(self.module(module), name: module.name))
        case .moduleDefinition(let module):
            return SpecCommand(line: module.line, kind: .moduleDefinition(self.module(module), name: module.name))
        case .moduleInstance(let name, let definition):
            return SpecCommand(line: command.line, kind: .moduleInstance(name: name, definition: definition))
        case .register(let name, let moduleName):
            return SpecCommand(line: command.line, kind: .register(as: name, module: moduleName))
        case .action(let action):
            return SpecCommand(line: command.line, kind: .action(self.action(action)))
        case .assertReturn(let action, let expected):
            let values = expected.map(expectedValue)
            return SpecCommand(line: command.line, kind: .assertReturn(self.action(action), expected: values))
        case .assertTrap(let action, let message):
            return SpecCommand(line: command.line, kind: .assertTrap(self.action(action), message: message))
        case .assertExhaustion(let action, let message):
            return SpecCommand(line: command.line, kind: .assertExhaustion(self.action(action), message: message))
        case .assertException(let action):
            return SpecCommand(line: command.line, kind: .assertException(self.action(action)))
        case .assertInvalid(let module, let message):
            return SpecCommand(line: module.line, kind: .assertInvalid(self.module(module), message: message))
        case .assertMalformed(let module, let message), .assertMalformedCustom(let module, let message):
            return SpecCommand(line: module.line, kind: .assertMalformed(self.module(module), message: message))
        case .assertInvalidCustom(let module, let message):
            return SpecCommand(line: module.line, kind: .assertInvalid(self.module(module), message: message))
        case .assertUnlinkable(let module, let message):
            return SpecCommand(line: module.line, kind: .assertUnlinkable(self.module(module), message: message))
        case .assertUninstantiable(let module, let message):
            return SpecCommand(line: module.line, kind: .assertUninstantiable(self.module(module), message: message))
        }
    }

    /// A parsed text module as its binary; binary modules as written; quoted text as text.
    static func module(_ module: WastModule) -> SpecModule {
        switch module.source {
        case .text(let parsed): return SpecModule(.binary(ModuleEncoder.encode(parsed)))
        case .binary(let bytes): return SpecModule(.binary(bytes), origin: "module binary")
        case .quote(let text): return SpecModule(.text(text), origin: "module quote")
        }
    }

    static func action(_ action: WastAction) -> SpecAction {
        switch action {
        case .invoke(let moduleName, let name, let arguments):
            return .invoke(module: moduleName, field: name, arguments: arguments.map(value))
        case .get(let moduleName, let name):
            return .get(module: moduleName, field: name)
        }
    }

    static func value(_ value: WastValue) -> Value {
        switch value {
        case .i32(let bits): return .i32(bits)
        case .i64(let bits): return .i64(bits)
        case .f32(let bits): return .f32(bits)
        case .f64(let bits): return .f64(bits)
        case .v128(let vector): return .v128(vector)
        case .refNull(let heapType): return .ref(.null(ReferenceType(heapType, isNullable: true)))
        case .refExtern(let number): return .ref(.extern(number))
        case .refHost(let number): return .ref(.extern(number))
        }
    }

    static func expectedValue(_ expected: WastExpectedValue) -> ExpectedValue {
        switch expected {
        case .value(let exact): return .exact(value(exact))
        case .f32NaN(let pattern): return .f32NaN(nanPattern(pattern))
        case .f64NaN(let pattern): return .f64NaN(nanPattern(pattern))
        case .v128(let wastShape, let lanes):
            let shape = self.shape(wastShape)
            return .vector(shape, lanes.map { lane in lanePattern(lane, shape: shape) })
        case .anyFunctionReference: return .anyFunctionReference
        case .anyExternReference: return .anyExternReference
        case .anyNullReference: return .anyNullReference
        case .anyExceptionReference: return .anyExceptionReference
        case .anyGarbageCollectedReference(let kind): return .anyGarbageCollectedReference(kind)
        case .either(let alternatives): return .either(alternatives.map(expectedValue))
        }
    }

    static func nanPattern(_ pattern: WastNaNPattern) -> NaNPattern {
        switch pattern {
        case .canonical: return .canonical
        case .arithmetic: return .arithmetic
        }
    }

    static func shape(_ shape: WastLaneShape) -> LaneShape {
        switch shape {
        case .i8x16: return .i8x16
        case .i16x8: return .i16x8
        case .i32x4: return .i32x4
        case .i64x2: return .i64x2
        case .f32x4: return .f32x4
        case .f64x2: return .f64x2
        }
    }

    /// A lane's pattern, its bits cut to the lane's width (as ``LanePattern/bits(_:)`` holds them).
    static func lanePattern(_ lane: WastExpectedLane, shape: LaneShape) -> LanePattern {
        switch lane {
        case .bits(let bits): return .bits(bits & shape.laneMask)
        case .nan(let pattern): return .nan(nanPattern(pattern))
        }
    }
}
