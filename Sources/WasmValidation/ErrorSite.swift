import WasmBinary

/// Where in a function body validation is: what a `ValidationError` from the body carries.
///
/// Errors are built from this small value rather than from the whole validator, so the hot path
/// never copies the validator to prepare an error it will probably not throw.
struct ErrorSite {
    var functionIndex: UInt32
    /// The module-relative offset of the instruction being validated.
    var offset: Int

    /// An error at this site.
    @inline(never)
    func error(_ message: String) -> ValidationError {
        ValidationError(message, functionIndex: functionIndex, offset: offset)
    }

    /// A "type mismatch" error: `found` (nil for no operand at all) where `expected` was needed.
    @inline(never)
    func typeMismatch(expected: String, found: OperandType?) -> ValidationError {
        error("type mismatch: expected \(expected), found \(found?.description ?? "nothing")")
    }
}
