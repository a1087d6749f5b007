import TestSupport

extension Testsuite {
    /// The scripts the interpreter must pass: all but the SIMD ones (`simd_*`).
    static let nonSIMDScriptNames = scriptNames.filter { !$0.hasPrefix("simd_") }
}
