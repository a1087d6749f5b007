import WasmText

extension SpecRunner {
    /// Assembles text-format modules with WasmText's parser; malformed text throws its `WatError`.
    public static let watTextCompiler: @Sendable ([UInt8]) throws -> [UInt8] = { source in
        try WatParser.assemble(source: source)
    }
}
