/// The element and data sections: the eight element segment encodings and the three data
/// segment encodings, turned into the spec's abstract form.
/// https://webassembly.github.io/spec/core/binary/modules.html#element-section
extension ModuleReader {
    /// Reads the element section. Encodings 0 to 3 list function indices, which become
    /// `ref.func` constant expressions of type `(ref func)`; 4 to 7 list expressions. Bit 0 marks a passive or
    /// declarative segment (bit 1 then says which), bit 1 of an active one an explicit table
    /// index, and bit 2 expressions instead of indices.
    mutating func readElementSection() throws(DecodeError) {
        let perSegment = limits.elementsPerSegment
        module.elements = try readVector(.elementSegments) { (r: inout ByteReader) throws(DecodeError) -> ElementSegment in
            let flagsIndex = r.position
            let flags = try r.readVarUInt32()
            guard flags <= 7 else { throw r.error(.malformedElementSegmentKind, at: flagsIndex) }
            let isPassiveOrDeclarative = flags & 0b001 != 0
            let hasExplicitTableOrIsDeclarative = flags & 0b010 != 0
            let usesExpressions = flags & 0b100 != 0

            let mode: ElementMode
            if isPassiveOrDeclarative {
                mode = hasExplicitTableOrIsDeclarative ? .declarative : .passive
            } else {
                let table = hasExplicitTableOrIsDeclarative ? try r.readVarUInt32() : 0
                mode = .active(table: table, offset: try r.readConstantExpression())
            }

            // Encodings 0 and 4 have neither an element kind nor a type: function indices are
            // `(ref func)`, expressions `funcref`. Element kind 0 is `(ref func)` too.
            let hasTypeField = isPassiveOrDeclarative || hasExplicitTableOrIsDeclarative
            let type: ReferenceType
            if !hasTypeField {
                type = usesExpressions ? .funcref : .functionReference
            } else if usesExpressions {
                type = try r.readReferenceType()
            } else {
                let kindIndex = r.position
                guard try r.readByte() == 0x00 else { throw r.error(.malformedElementKind, at: kindIndex) }
                type = .functionReference
            }

            let count = try r.readVectorCount(maximum: perSegment, item: .elementsPerSegment)
            var initializers: [ConstantExpression] = []
            initializers.reserveCapacity(count)
            for _ in 0..<count {
                if usesExpressions {
                    initializers.append(try r.readConstantExpression())
                } else {
                    initializers.append(ConstantExpression([.refFunc(functionIndex: try r.readVarUInt32())]))
                }
            }
            return ElementSegment(type: type, initializers: initializers, mode: mode)
        }
    }

    /// Reads the data section (0: active in memory 0, 1: passive, 2: active with a memory index)
    /// and checks its length against the data count section.
    mutating func readDataSection() throws(DecodeError) {
        sawDataSection = true
        let countIndex = reader.position
        module.data = try readVector(.dataSegments) { (r: inout ByteReader) throws(DecodeError) -> DataSegment in
            let flagsIndex = r.position
            let mode: DataMode
            switch try r.readVarUInt32() {
            case 0: mode = .active(memory: 0, offset: try r.readConstantExpression())
            case 1: mode = .passive
            case 2:
                let memory = try r.readVarUInt32()
                mode = .active(memory: memory, offset: try r.readConstantExpression())
            default:
                throw r.error(.malformedDataSegmentKind, at: flagsIndex)
            }
            let length = Int(try r.readVarUInt32())
            return DataSegment(bytes: try r.readBytes(length), mode: mode)
        }
        if let dataCount = module.dataCount, Int(dataCount) != module.data.count {
            throw reader.error(.dataCountAndDataInconsistentLengths, at: countIndex)
        }
    }
}
