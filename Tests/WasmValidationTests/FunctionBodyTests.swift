import Testing
import WasmBinary
import WasmValidation

/// Whole encoded bodies through `validateBody`: decoding, the final `end`, and error offsets.
struct FunctionBodyTests {
    static func validate(code: [UInt8], codeOffset: Int = 100, in module: Module = module()) throws(ValidationError) {
        let context = try ModuleContext(module: module)
        try FunctionValidator.validateBody(
            FunctionBody(locals: [], code: code, codeOffset: codeOffset), functionIndex: 0, context: context)
    }

    static func error(code: [UInt8], in module: Module = module()) -> ValidationError? {
        do {
            try validate(code: code, in: module)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsAnEncodedBody() throws {
        // i32.const 1, if (result i32), i32.const 2, else, i32.const 3, end, drop, end
        try Self.validate(code: [0x41, 0x01, 0x04, 0x7F, 0x41, 0x02, 0x05, 0x41, 0x03, 0x0B, 0x1A, 0x0B])
    }

    @Test func nothingMayFollowTheFinalEnd() {
        let error = Self.error(code: [0x0B, 0x01])
        #expect(error?.message.hasPrefix("section size mismatch") == true)
        #expect(error?.offset == 101)
        #expect(error?.functionIndex == 0)
    }

    @Test func theBodyMustCloseEveryBlock() {
        #expect(Self.error(code: [0x02, 0x40, 0x0B])?.message.hasPrefix("unexpected end") == true)
    }

    @Test func decodingErrorsKeepTheirWordsAndOffset() {
        let error = Self.error(code: [0x01, 0xFF, 0x0B])
        #expect(error?.message == "illegal opcode")
        #expect(error?.offset == 101)
    }

    @Test func typeErrorsPointAtTheInstruction() {
        // i32.const 0, i64.const 0, i32.add, drop, end: the add at offset 104 is wrong.
        let error = Self.error(code: [0x41, 0x00, 0x42, 0x00, 0x6A, 0x1A, 0x0B])
        #expect(error?.message.hasPrefix("type mismatch") == true)
        #expect(error?.offset == 104)
        #expect(error?.description.hasPrefix("0x68: type mismatch") == true)
    }

    @Test func moduleValidatorChecksEveryBody() {
        var twoFunctions = module()
        twoFunctions.functionTypeIndices = [0, 0]
        twoFunctions.codes = [FunctionBody(locals: [], code: [0x0B]), FunctionBody(locals: [], code: [0x41, 0x00, 0x0B])]
        #expect(fails(with: "type mismatch") { try ModuleValidator.validate(twoFunctions) })
        do {
            try ModuleValidator.validate(twoFunctions)
        } catch {
            #expect(error.functionIndex == 1)
        }
    }
}
