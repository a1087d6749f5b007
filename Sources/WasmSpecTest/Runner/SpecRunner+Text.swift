import WasmText

extension SpecRunner {
    /// Assembles text-format modules with WasmText's parser; malformed text throws its `WatError`.
    public static let watTextCompiler: @Sendable (String) throws -> [UInt8] = { text in
        try WatParser.assemble(text)
    }
}
