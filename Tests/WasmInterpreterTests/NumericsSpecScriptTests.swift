import Foundation
import TestSupport
import Testing
import WasmBinary

@testable import WasmInterpreter

/// Runs the official testsuite's scalar numeric scripts against `NumericSemantics` directly.
///
/// Each script's first module exports one function per instruction, e.g.
/// `(func (export "div_s") (param $x i32) (param $y i32) (result i32) (i32.div_s …))`.
/// The test reads those definitions from the `.wast` file to learn which instruction each export
/// runs, then checks every `assert_return` and `assert_trap` of the script's JSON form (operands
/// and results there are exact bit patterns) by calling that instruction's function.
struct NumericsSpecScriptTests {
    static let scripts = [
        "conversions", "i32", "i64", "f32", "f64", "f32_cmp", "f64_cmp", "f32_bitwise",
        "f64_bitwise", "float_misc",
    ]

    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)), arguments: scripts)
    func everyAssertionOfTheScriptHolds(script: String) throws {
        let suite = try Testsuite.requireRoot()
        let wast = try String(
            contentsOf: suite.appendingPathComponent("wast/\(script).wast"), encoding: .utf8)
        let operations = try Self.exportedOperations(in: wast)
        #expect(!operations.isEmpty, "\(script).wast: no single-instruction exports found")

        let jsonURL = suite.appendingPathComponent("json/\(script)/\(script).json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL))
        let commands = (json as? [String: Any])?["commands"] as? [[String: Any]] ?? []
        var checked = 0
        for command in commands {
            let kind = command["type"] as? String ?? ""
            guard kind == "assert_return" || kind == "assert_trap" else { continue }
            let place = "\(script).wast:\(command["line"] as? Int ?? 0)"
            let action = command["action"] as? [String: Any] ?? [:]
            let field = action["field"] as? String ?? ""
            guard let operation = operations[field] else {
                Issue.record("\(place): export \"\(field)\" is not a known single instruction")
                continue
            }
            let arguments = (action["args"] as? [[String: Any]] ?? []).map(Self.bits)
            let outcome = Result { () throws(TrapReason) in
                try evaluateNumeric(operation, arguments)
            }
            let call = "\(operation.name)(\(arguments.map(Self.hex).joined(separator: ", ")))"
            if kind == "assert_trap" {
                let expected = command["text"] as? String ?? ""
                switch outcome {
                case .success(let value):
                    Issue.record(
                        "\(place): \(call) = \(Self.hex(value)), expected trap \"\(expected)\"")
                case .failure(let reason):
                    #expect(reason.description == expected, "\(place): \(call)")
                }
            } else {
                let expected = (command["expected"] as? [[String: Any]] ?? []).first ?? [:]
                switch outcome {
                case .failure(let reason): Issue.record("\(place): \(call) trapped: \(reason)")
                case .success(let value):
                    #expect(
                        Self.matches(value, expected),
                        "\(place): \(call) = \(Self.hex(value)), expected \(expected)")
                }
            }
            checked += 1
        }
        #expect(checked > 0, "\(script).json: no assertions found")
    }

    /// Maps each export of the script's module to the numeric instruction its body applies.
    static func exportedOperations(in wast: String) throws -> [String: NumericOperation] {
        let byName = Dictionary(
            uniqueKeysWithValues: NumericOperation.allCases.map { ($0.name, $0) })
        let definition = try Regex(
            #"\(func \(export "([^"]+)"\)[^\n]*?\(result \w+\)\s*\(([a-z0-9_.]+) \(local\.get"#)
        var operations: [String: NumericOperation] = [:]
        for match in wast.matches(of: definition) {
            guard let export = match[1].substring, let instruction = match[2].substring else {
                continue
            }
            if let operation = byName[String(instruction)] {
                operations[String(export)] = operation
            }
        }
        return operations
    }

    /// A JSON operand or result (`{"type": "f32", "value": "2139095040"}`) as its bit pattern.
    static func bits(_ value: [String: Any]) -> UInt64 {
        UInt64(value["value"] as? String ?? "") ?? 0
    }

    /// Whether `value` satisfies an expected result, including `nan:canonical`/`nan:arithmetic`.
    static func matches(_ value: UInt64, _ expected: [String: Any]) -> Bool {
        let type = expected["type"] as? String ?? ""
        let text = expected["value"] as? String ?? ""
        let is32 = type == "f32"
        let magnitude = value & (is32 ? 0x7FFF_FFFF : 0x7FFF_FFFF_FFFF_FFFF)
        let canonical: UInt64 = is32 ? 0x7FC0_0000 : 0x7FF8_0000_0000_0000
        let infinity: UInt64 = is32 ? 0x7F80_0000 : 0x7FF0_0000_0000_0000
        switch text {
        case "nan:canonical": return magnitude == canonical
        case "nan:arithmetic": return magnitude > infinity && value & canonical == canonical
        default: return UInt64(text) == value
        }
    }

    static func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }
}
