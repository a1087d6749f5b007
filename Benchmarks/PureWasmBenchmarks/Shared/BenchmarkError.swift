/// Why a benchmark could not run or produced a wrong result. Every one ends the program with a
/// non-zero status: a benchmark that computes the wrong thing has no meaningful time.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// A result that differs from the expected one.
    static func wrongResult(_ what: String, expected: String, actual: String) -> BenchmarkError {
        BenchmarkError("WRONG RESULT: \(what) returned \(actual), expected \(expected)")
    }
}
