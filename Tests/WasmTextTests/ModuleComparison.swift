import WasmBinary

/// A decoded module with each function body replaced by its instruction list, so that modules
/// that differ only in LEB128 widths compare equal.
///
/// Element segments of function references compare as `funcref` whether they are `funcref` or
/// 3.0's `(ref func)`: wabt, a 2.0 tool, writes a `funcref` list whose items are all `ref.func`
/// as function indices, which 3.0 reads as `(ref func)`.
struct ComparableModule: Equatable {
    var module: Module
    var bodies: [[Instruction]]

    init(decoding bytes: [UInt8]) throws {
        var module = try ModuleDecoder.decode(bytes)
        for index in module.elements.indices where module.elements[index].type == .functionReference {
            module.elements[index].type = .funcref
        }
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

extension ComparableModule {
    /// A short description of the first field where `self` and `other` differ.
    func firstDifference(from other: ComparableModule) -> String {
        var mine = module
        var theirs = other.module
        for index in 0..<min(bodies.count, other.bodies.count) where bodies[index] != other.bodies[index] {
            let position = Array(zip(bodies[index], other.bodies[index])).firstIndex { $0.0 != $0.1 } ?? min(bodies[index].count, other.bodies[index].count)
            return "body \(index) at instruction \(position): ours \(bodies[index].dropFirst(position).prefix(3)), theirs \(other.bodies[index].dropFirst(position).prefix(3))"
        }
        let fields: [(String, (inout Module) -> Void)] = [
            ("types", { $0.types = [] }), ("imports", { $0.imports = [] }), ("functions", { $0.functionTypeIndices = [] }),
            ("tables", { $0.tables = [] }), ("memories", { $0.memories = [] }), ("globals", { $0.globals = [] }),
            ("exports", { $0.exports = [] }), ("start", { $0.start = nil }), ("elements", { $0.elements = [] }),
            ("dataCount", { $0.dataCount = nil }), ("codes", { $0.codes = [] }), ("data", { $0.data = [] }),
        ]
        for (name, clear) in fields {
            var a = mine
            var b = theirs
            clear(&a)
            clear(&b)
            if a == b {
                return "\(name): ours \(describe(name, module)), theirs \(describe(name, other.module))"
            }
            clear(&mine)
            clear(&theirs)
        }
        return "bodies differ in count: \(bodies.count) vs \(other.bodies.count)"
    }

    private func describe(_ field: String, _ module: Module) -> String {
        let text: String
        switch field {
        case "types": text = "\(module.types)"
        case "imports": text = "\(module.imports)"
        case "functions": text = "\(module.functionTypeIndices)"
        case "tables": text = "\(module.tables)"
        case "memories": text = "\(module.memories)"
        case "globals": text = "\(module.globals)"
        case "exports": text = "\(module.exports)"
        case "start": text = "\(String(describing: module.start))"
        case "elements": text = "\(module.elements)"
        case "dataCount": text = "\(String(describing: module.dataCount))"
        case "codes": text = "\(module.codes.map(\.locals))"
        default: text = "\(module.data)"
        }
        return String(text.prefix(600))
    }
}
