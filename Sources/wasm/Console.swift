#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Writing lines to standard output and standard error.
enum Console {
    enum Stream { case standardOutput, standardError }

    static func write(_ text: String, to stream: Stream = .standardOutput) {
        let line = text + "\n"
        let handle = stream == .standardOutput ? stdout : stderr
        fputs(line, handle)
        if stream == .standardError { fflush(stderr) }
    }

    static func error(_ text: String) {
        fflush(stdout)
        write(text, to: .standardError)
    }
}
