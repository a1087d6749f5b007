import FuzzSupport

/// libFuzzer's entry point, called once per input. libFuzzer (linked in by
/// `swift build --sanitize fuzzer`) provides `main`. A disagreement between parts of the
/// engine stops the process, so that libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let problem = FuzzChecks.decodeAndValidate(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []) {
        fatalError("fuzz check failed: \(problem)")
    }
    return 0
}
