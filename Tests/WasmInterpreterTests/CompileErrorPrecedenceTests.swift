import Testing
import WasmBinary
import WasmInterpreter

/// `CompiledModule(bytes:)` reads function bodies only once, while translating them; the errors
/// it reports must still be the ones decoding the whole module first would give: a malformed
/// body anywhere comes before any validation error, and what only the decoder checks (a body's
/// last byte is its final `end`, `memory.init` needs a data count section) is still checked.
@Suite struct CompileErrorPrecedenceTests {
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    static func section(_ id: UInt8, _ contents: [UInt8]) -> [UInt8] {
        precondition(contents.count < 128, "one-byte sizes only")
        return [id, UInt8(contents.count)] + contents
    }

    /// A module of `() -> ()` functions with these bodies (locals included), a memory, and the
    /// extra sections after the code section.
    static func module(bodies: [[UInt8]], after extra: [UInt8] = [], dataCount: Bool = false) -> [UInt8] {
        var code: [UInt8] = [UInt8(bodies.count)]
        for body in bodies { code += [UInt8(body.count)] + body }
        return header
            + section(1, [0x01, 0x60, 0x00, 0x00])
            + section(3, [UInt8(bodies.count)] + Array(repeating: 0x00, count: bodies.count))
            + section(5, [0x01, 0x00, 0x01])
            + (dataCount ? section(12, [0x01]) : [])
            + section(10, code)
            + extra
    }

    static let valid: [UInt8] = [0x00, 0x0B]
    /// `i32.add` on an empty stack: well formed, not valid.
    static let invalid: [UInt8] = [0x00, 0x6A, 0x0B]
    /// Opcode 0x27 is not an instruction.
    static let malformed: [UInt8] = [0x00, 0x27, 0x0B]

    static func compileError(_ bytes: [UInt8]) -> CompileError? {
        do {
            _ = try CompiledModule(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    static func decodeError(_ bytes: [UInt8]) -> DecodeError? {
        do {
            _ = try ModuleDecoder.decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    static func expectDecodeError(_ bytes: [UInt8], _ kind: DecodeError.Kind) {
        let expected = decodeError(bytes)
        #expect(expected?.kind == kind)
        guard case .decode(let error)? = compileError(bytes) else {
            Issue.record("expected a decode error, got \(String(describing: compileError(bytes)))")
            return
        }
        #expect(error == expected)
    }

    @Test func aMalformedBodyAfterAnInvalidOneIsReported() {
        Self.expectDecodeError(Self.module(bodies: [Self.invalid, Self.malformed]), .illegalOpcode)
        Self.expectDecodeError(Self.module(bodies: [Self.valid, Self.invalid, Self.valid, Self.malformed]), .illegalOpcode)
    }

    @Test func aMalformedBodyBeforeAMalformedDataSectionIsReported() {
        // A data section whose segment kind does not exist: decoding stops at the body first.
        let badData = Self.section(11, [0x01, 0x09])
        Self.expectDecodeError(Self.module(bodies: [Self.malformed], after: badData), .illegalOpcode)
    }

    @Test func bytesAfterTheFinalEndAreMalformed() {
        let trailing: [UInt8] = [0x00, 0x0B, 0x01]
        let expected = Self.decodeError(Self.module(bodies: [trailing]))
        #expect(expected != nil)
        guard case .decode(let error)? = Self.compileError(Self.module(bodies: [trailing])) else {
            Issue.record("expected a decode error")
            return
        }
        #expect(error == expected)
    }

    @Test func memoryInitNeedsADataCountSection() {
        // memory.init 0 of a passive segment: (i32.const 0) x3, 0xFC 8 segment memory.
        let memoryInit: [UInt8] = [0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, 0x0B]
        let dataDrop: [UInt8] = [0x00, 0xFC, 0x09, 0x00, 0x0B]
        let passiveData = Self.section(11, [0x01, 0x01, 0x01, 0x2A])
        Self.expectDecodeError(Self.module(bodies: [memoryInit], after: passiveData), .dataCountSectionRequired)
        Self.expectDecodeError(Self.module(bodies: [dataDrop], after: passiveData), .dataCountSectionRequired)
        // With the section the same bodies compile.
        #expect(Self.compileError(Self.module(bodies: [memoryInit, dataDrop], after: passiveData, dataCount: true)) == nil)
    }

    @Test func anInvalidBodyInAWellFormedModuleIsAValidationError() {
        guard case .validation? = Self.compileError(Self.module(bodies: [Self.valid, Self.invalid])) else {
            Issue.record("expected a validation error")
            return
        }
    }
}
