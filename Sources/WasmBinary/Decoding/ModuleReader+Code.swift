/// The code section: each function's locals and body, whose instructions are read once here.
/// https://webassembly.github.io/spec/core/binary/modules.html#code-section
extension ModuleReader {
    /// Reads the code section. Whether it has one body per function section entry is checked
    /// once every section is read (a section out of order is the first error to report).
    mutating func readCodeSection() throws(DecodeError) {
        sawCodeSection = true
        codeCountOffset = reader.position
        let count = try reader.readVectorCount()
        module.codes.reserveCapacity(count)
        for index in 0..<count {
            module.codes.append(try readFunctionBody(parameterCount: parameterCount(ofDefinedFunction: index)))
        }
    }

    /// The parameter count of the `index`th defined function, or 0 when the function section has
    /// no such entry or its type index is not a function type (reported after the code section
    /// and by validation).
    func parameterCount(ofDefinedFunction index: Int) -> Int {
        guard index < module.functionTypeIndices.count else { return 0 }
        return module.functionType(at: module.functionTypeIndices[index])?.parameters.count ?? 0
    }

    /// Reads one function body: its size, its local declarations, then instructions up to the
    /// `end` that closes the function, which must be the body's last byte. The body's size and
    /// its locals (with its `parameterCount` parameters) must be within `limits`.
    mutating func readFunctionBody(parameterCount: Int = 0) throws(DecodeError) -> FunctionBody {
        let sizeIndex = reader.position
        let outerLimit = try reader.beginSizedRegion()
        let bodyStart = reader.position
        guard reader.remaining <= limits.functionBodySize else {
            throw reader.error(.limitExceeded(.functionBodySize, limit: limits.functionBodySize), at: sizeIndex)
        }

        let groupCount = try reader.readVectorCount()
        var locals: [LocalGroup] = []
        locals.reserveCapacity(groupCount)
        var localCount = UInt64(parameterCount)
        for _ in 0..<groupCount {
            let count = try reader.readVarUInt32()
            localCount += UInt64(count)
            guard localCount - UInt64(parameterCount) <= UInt64(UInt32.max) else { throw reader.error(.tooManyLocals, at: bodyStart) }
            guard localCount <= UInt64(limits.locals) else {
                throw reader.error(.limitExceeded(.locals, limit: limits.locals), at: bodyStart)
            }
            locals.append(LocalGroup(count: count, type: try reader.readValueType()))
        }

        let codeStart = reader.position
        if readsInstructions {
            try skipInstructions()
        } else {
            reader.position = reader.limit
        }
        let code = Array(reader.bytes[codeStart..<reader.position])
        try reader.endSizedRegion(restoring: outerLimit, regionStart: bodyStart)
        return FunctionBody(locals: locals, code: code, codeOffset: codeStart)
    }

    /// Reads instructions up to the `end` that closes the function body, following nested
    /// blocks, and checks that `memory.init` and `data.drop` have a data count section.
    mutating func skipInstructions() throws(DecodeError) {
        var depth = 1
        while true {
            // The opcode byte alone says whether a block opens or closes; only 0xFC-prefixed
            // instructions need a look at the decoded instruction.
            let instructionIndex = reader.position
            let opcode = try reader.peekByte()
            let instruction = try reader.readInstruction()
            switch opcode {
            case 0x02, 0x03, 0x04, 0x06, 0x1F:
                depth += 1
            case 0x0B, 0x18:
                depth -= 1
                if depth == 0 {
                    // `delegate` closes a `try`, never the function body.
                    if opcode == 0x18 { throw reader.error(.illegalOpcode, at: instructionIndex) }
                    return
                }
            case 0xFC:
                switch instruction {
                case .memoryInit, .dataDrop:
                    if module.dataCount == nil {
                        throw reader.error(.dataCountSectionRequired, at: instructionIndex)
                    }
                default:
                    break
                }
            default:
                break
            }
        }
    }
}
