import WasmBinary

extension FunctionValidator {
    /// Decodes and validates a whole function body: every instruction up to and including the
    /// final `end`, after which nothing may follow.
    public mutating func validateBody(_ body: FunctionBody) throws(ValidationError) {
        var reader = InstructionReader(code: body.code, baseOffset: body.codeOffset)
        while !reader.isAtEnd {
            let instructionOffset = reader.offset
            if isFinished {
                site.offset = instructionOffset
                throw site.error("section size mismatch: code after the function's final end")
            }
            let instruction: Instruction
            do {
                instruction = try reader.next()
            } catch {
                throw ValidationError(error.message, functionIndex: functionIndex, offset: error.offset)
            }
            try validate(instruction, at: instructionOffset)
        }
        guard isFinished else {
            site.offset = reader.offset
            throw site.error("unexpected end of section or function: the body ends inside a block")
        }
    }

    /// Validates the body of the defined function with the given module-wide index.
    public static func validateBody(_ body: FunctionBody, functionIndex: UInt32, context: ModuleContext) throws(ValidationError) {
        var validator = try FunctionValidator(context: context, functionIndex: functionIndex, body: body)
        try validator.validateBody(body)
    }
}
