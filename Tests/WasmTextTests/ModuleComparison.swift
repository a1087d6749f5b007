import WasmBinary

/// A decoded module with each function body replaced by its instruction list, so that modules
/// that differ only in LEB128 widths compare equal.
struct ComparableModule: Equatable {
    var module: Module
    var bodies: [[Instruction]]

    init(decoding bytes: [UInt8]) throws {
        var module = try ModuleDecoder.decode(bytes)
        bodies = []
        for index in module.codes.indices {
            var reader = InstructionReader(code: module.codes[index].code)
            var instructions: [Instruction] = []
            while !reader.isAtEnd { instructions.append(try reader.next()) }
            bodies.append(instructions)
            module.codes[index].code = []
        }
        self.module = module
    }
}
