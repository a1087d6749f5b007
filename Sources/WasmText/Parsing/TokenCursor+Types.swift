import WasmBinary

/// Value types, reference and heap types, limits, and function types. Type indices are resolved
/// in `types`, the module's type index space.
/// [Types](https://webassembly.github.io/spec/core/text/types.html)
extension TokenCursor {
    /// The value types written as one keyword: numbers, `v128`, and the nullable reference shorthands.
    static let valueTypeKeywords: [String: ValueType] = [
        "i32": .i32, "i64": .i64, "f32": .f32, "f64": .f64, "v128": .v128,
        "funcref": .funcref, "externref": .externref, "exnref": .exnref,
        "nullfuncref": .ref(ReferenceType(.noFunc, isNullable: true)),
        "nullexternref": .ref(ReferenceType(.noExtern, isNullable: true)),
        "nullexnref": .ref(ReferenceType(.noExn, isNullable: true)),
        "anyref": .ref(ReferenceType(.any, isNullable: true)),
        "eqref": .ref(ReferenceType(.eq, isNullable: true)),
        "i31ref": .ref(ReferenceType(.i31, isNullable: true)),
        "structref": .ref(ReferenceType(.struct, isNullable: true)),
        "arrayref": .ref(ReferenceType(.array, isNullable: true)),
        "nullref": .ref(ReferenceType(.noAny, isNullable: true)),
    ]

    /// The abstract heap types by keyword.
    static let heapTypeKeywords: [String: HeapType] = [
        "func": .func, "extern": .extern, "exn": .exn, "nofunc": .noFunc, "noextern": .noExtern, "noexn": .noExn,
        "any": .any, "eq": .eq, "i31": .i31, "struct": .struct, "array": .array, "none": .noAny,
    ]

    mutating func expectValueType(_ types: IndexSpace) throws(WatError) -> ValueType {
        if current.kind == .keyword, let type = Self.valueTypeKeywords[current.text] {
            advance()
            return type
        }
        if isOpen("ref") { return .ref(try expectReferenceType(types)) }
        throw unexpected()
    }

    /// True when a value type comes next.
    var isValueType: Bool {
        (current.kind == .keyword && Self.valueTypeKeywords[current.text] != nil) || isOpen("ref")
    }

    /// A reference type: a shorthand keyword or `(ref null? heaptype)`.
    mutating func expectReferenceType(_ types: IndexSpace) throws(WatError) -> ReferenceType {
        if current.kind == .keyword, case .ref(let type)? = Self.valueTypeKeywords[current.text] {
            advance()
            return type
        }
        guard takeOpen("ref") else { throw unexpected() }
        let isNullable = takeKeyword("null")
        let heapType = try expectHeapType(types)
        try expectRightParen()
        return ReferenceType(heapType, isNullable: isNullable)
    }

    /// True when a reference type comes next.
    var isReferenceType: Bool {
        if current.kind == .keyword, case .ref? = Self.valueTypeKeywords[current.text] { return true }
        return isOpen("ref")
    }

    /// A heap type: an abstract one's keyword or a type index.
    mutating func expectHeapType(_ types: IndexSpace) throws(WatError) -> HeapType {
        if current.kind == .keyword, let heapType = Self.heapTypeKeywords[current.text] {
            advance()
            return heapType
        }
        guard isIndex else { throw unexpected() }
        return .concrete(try expectIndex(in: types))
    }

    /// `min max?`, each a `u64` (memories and tables; validation bounds them by address type).
    mutating func expectLimits() throws(WatError) -> Limits {
        let min = try expectUnsigned(bits: 64)
        let max = isUnsignedNumber ? try expectUnsigned(bits: 64) : nil
        return Limits(min: min, max: max)
    }

    /// An optional address type keyword before limits (`i32` or `i64`), `i32` when absent.
    mutating func takeAddressType() -> AddressType {
        if takeKeyword("i64") { return .i64 }
        _ = takeKeyword("i32")
        return .i32
    }

    /// `i64? min max? (pagesize n)?` of a memory; the page size must be a power of two.
    mutating func expectMemoryType() throws(WatError) -> MemoryType {
        let addressType = takeAddressType()
        let limits = try expectLimits()
        return MemoryType(limits: limits, addressType: addressType, pageSizeLog2: try takePageSize())
    }

    /// `(pagesize n)` (custom-page-sizes proposal) as log2 of `n`; 16 (64 KiB) when absent.
    mutating func takePageSize() throws(WatError) -> UInt32 {
        guard isOpen("pagesize") else { return MemoryType.defaultPageSizeLog2 }
        let token = peek(2)
        advance()
        advance()
        let size = try expectUnsigned(bits: 64)
        guard size != 0, size & (size - 1) == 0 else { throw error(.invalidCustomPageSize, at: token) }
        try expectRightParen()
        return UInt32(size.trailingZeroBitCount)
    }

    mutating func expectGlobalType(_ types: IndexSpace) throws(WatError) -> GlobalType {
        if takeOpen("mut") {
            let type = try expectValueType(types)
            try expectRightParen()
            return GlobalType(valueType: type, mutability: .variable)
        }
        return GlobalType(valueType: try expectValueType(types), mutability: .constant)
    }

    /// `(param ...)*` then `(result ...)*`, with parameter names (nil where unnamed).
    /// `allowNames` is false in block types, where named parameters are malformed.
    mutating func parseSignature(_ types: IndexSpace, allowNames: Bool = true) throws(WatError) -> (type: FunctionType, parameterNames: [(String?, Token)]) {
        var type = FunctionType()
        var names: [(String?, Token)] = []
        while isOpen("param") {
            advance()
            advance()
            if current.kind == .identifier {
                guard allowNames else { throw unexpected() }
                let token = advance()
                type.parameters.append(try expectValueType(types))
                names.append((token.text, token))
            } else {
                while current.kind != .rightParen {
                    let token = current
                    type.parameters.append(try expectValueType(types))
                    names.append((nil, token))
                }
            }
            try expectRightParen()
        }
        while takeOpen("result") {
            while current.kind != .rightParen {
                type.results.append(try expectValueType(types))
            }
            try expectRightParen()
        }
        if isOpen("param") { throw error(.unexpectedToken("param"), at: peek(1)) }
        return (type, names)
    }

    /// The body of a `(type ...)` definition after its id: a composite type, or `(sub final? x? comptype)`.
    mutating func expectSubType(_ types: IndexSpace) throws(WatError) -> DefinedType {
        guard takeOpen("sub") else { return DefinedType(try expectCompositeType(types)) }
        let isFinal = takeKeyword("final")
        var supertypes: [UInt32] = []
        while isIndex { supertypes.append(try expectIndex(in: types)) }
        let composite = try expectCompositeType(types)
        try expectRightParen()
        return DefinedType(composite, isFinal: isFinal, supertypes: supertypes)
    }

    /// `(func ...)`, `(struct (field ...)*)` or `(array fieldtype)`.
    mutating func expectCompositeType(_ types: IndexSpace) throws(WatError) -> CompositeType {
        if takeOpen("func") {
            let signature = try parseSignature(types)
            try expectRightParen()
            return .function(signature.type)
        }
        if takeOpen("struct") {
            var fields: [FieldType] = []
            var names = IndexSpace(kind: "field")
            while takeOpen("field") {
                if current.kind == .identifier {
                    let token = advance()
                    try names.add(token.text, at: token)
                    fields.append(try expectFieldType(types))
                } else {
                    while current.kind != .rightParen {
                        try names.add(nil, at: current)
                        fields.append(try expectFieldType(types))
                    }
                }
                try expectRightParen()
            }
            try expectRightParen()
            return .struct(fields)
        }
        if takeOpen("array") {
            let field = try expectFieldType(types)
            try expectRightParen()
            return .array(field)
        }
        throw unexpected()
    }

    /// A storage type (`i8`, `i16` or a value type), or `(mut storagetype)`.
    mutating func expectFieldType(_ types: IndexSpace) throws(WatError) -> FieldType {
        let isMutable = takeOpen("mut")
        let storage: StorageType
        if takeKeyword("i8") {
            storage = .i8
        } else if takeKeyword("i16") {
            storage = .i16
        } else {
            storage = .value(try expectValueType(types))
        }
        if isMutable { try expectRightParen() }
        return FieldType(storage, mutability: isMutable ? .variable : .constant)
    }
}
