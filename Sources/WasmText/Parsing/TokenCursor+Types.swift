import WasmBinary

/// Value types, reference types, limits and function types.
/// [Types](https://webassembly.github.io/spec/core/text/types.html)
extension TokenCursor {
    mutating func expectValueType() throws(WatError) -> ValueType {
        guard current.kind == .keyword else { throw unexpected() }
        let type: ValueType
        switch current.text {
        case "i32": type = .i32
        case "i64": type = .i64
        case "f32": type = .f32
        case "f64": type = .f64
        case "v128": type = .v128
        case "funcref": type = .funcref
        case "externref": type = .externref
        default: throw unexpected()
        }
        advance()
        return type
    }

    var isValueType: Bool {
        current.kind == .keyword && ["i32", "i64", "f32", "f64", "v128", "funcref", "externref"].contains(current.text)
    }

    mutating func expectReferenceType() throws(WatError) -> ReferenceType {
        if takeKeyword("funcref") { return .funcref }
        if takeKeyword("externref") { return .externref }
        throw unexpected()
    }

    var isReferenceType: Bool { isKeyword("funcref") || isKeyword("externref") }

    /// The heap type after `ref.null`: `func` or `extern`.
    mutating func expectHeapType() throws(WatError) -> ReferenceType {
        if takeKeyword("func") { return .funcref }
        if takeKeyword("extern") { return .externref }
        throw unexpected()
    }

    /// `min max?`, each a `u32` (memories and tables).
    mutating func expectLimits() throws(WatError) -> Limits {
        let min = try expectUnsigned(bits: 32)
        let max = isUnsignedNumber ? try expectUnsigned(bits: 32) : nil
        return Limits(min: min, max: max)
    }

    mutating func expectGlobalType() throws(WatError) -> GlobalType {
        if takeOpen("mut") {
            let type = try expectValueType()
            try expectRightParen()
            return GlobalType(valueType: type, mutability: .variable)
        }
        return GlobalType(valueType: try expectValueType(), mutability: .constant)
    }

    /// `(param ...)*` then `(result ...)*`, with parameter names (nil where unnamed).
    /// `allowNames` is false in block types, where named parameters are malformed.
    mutating func parseSignature(allowNames: Bool = true) throws(WatError) -> (type: FunctionType, parameterNames: [(String?, Token)]) {
        var type = FunctionType()
        var names: [(String?, Token)] = []
        while isOpen("param") {
            advance()
            advance()
            if current.kind == .identifier {
                guard allowNames else { throw unexpected() }
                let token = advance()
                type.parameters.append(try expectValueType())
                names.append((token.text, token))
            } else {
                while current.kind != .rightParen {
                    let token = current
                    type.parameters.append(try expectValueType())
                    names.append((nil, token))
                }
            }
            try expectRightParen()
        }
        while takeOpen("result") {
            while current.kind != .rightParen {
                type.results.append(try expectValueType())
            }
            try expectRightParen()
        }
        if isOpen("param") { throw error(.unexpectedToken("param"), at: peek(1)) }
        return (type, names)
    }

    /// `(func (param ...)* (result ...)*)` in a type definition.
    mutating func expectFunctionType() throws(WatError) -> FunctionType {
        guard takeOpen("func") else { throw unexpected() }
        let signature = try parseSignature()
        try expectRightParen()
        return signature.type
    }
}
