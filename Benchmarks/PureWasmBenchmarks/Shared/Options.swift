/// Command-line options shared by the benchmark executables.
struct Options: Sendable {
    var sampler = Sampler()
    /// Benchmarks run only if their name contains one of these (case-insensitive); all if empty.
    var filters: [String] = []
    /// Where to write the results as JSON.
    var jsonPath: String?
    /// Print the benchmark names and exit.
    var listOnly = false
    /// Print the usage and exit.
    var showHelp = false
    /// Count the heap allocations per call of the embedding and stringOps rows (runs this program
    /// under valgrind; see ``AllocationCounter``).
    var countAllocations = false
    /// Run only this allocation probe, ``probeCalls`` times, and exit (what valgrind watches).
    var probe: String?
    var probeCalls = 0

    static func usage(program: String) -> String {
        """
        usage: \(program) [--filter NAME]... [--samples N] [--min-sample-ms MS] [--warmup-ms MS] [--json FILE] [--list]

          --filter NAME       run only benchmarks whose name contains NAME (case-insensitive; repeatable)
          --samples N         samples per benchmark (default \(Sampler().sampleCount))
          --min-sample-ms MS  batch runs until one sample lasts at least MS milliseconds (default \(Int(Sampler().minimumSampleSeconds * 1000)))
          --warmup-ms MS      warm up for at least MS milliseconds and two runs (default \(Int(Sampler().warmupSeconds * 1000)))
          --json FILE         also write the results to FILE as JSON
          --list              print the benchmark names and exit
          --count-allocations also count heap allocations per call of the embedding and stringOps calls (needs valgrind)
          --probe NAME --probe-calls N
                              make N calls of one allocation probe and exit (what --count-allocations runs under valgrind)
        """
    }

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String], program: String) throws -> Options {
        var options = Options()
        var remaining = arguments.makeIterator()
        func value(for option: String) throws -> String {
            guard let value = remaining.next() else { throw BenchmarkError("\(option) needs a value") }
            return value
        }
        func positiveNumber(for option: String) throws -> Double {
            let text = try value(for: option)
            guard let number = Double(text), number > 0 else { throw BenchmarkError("\(option) needs a positive number, got '\(text)'") }
            return number
        }
        while let argument = remaining.next() {
            switch argument {
            case "--filter": options.filters.append(try value(for: argument).lowercased())
            case "--samples":
                let count = try positiveNumber(for: argument)
                guard count == count.rounded(), count <= 1000 else { throw BenchmarkError("--samples needs a whole number up to 1000") }
                options.sampler.sampleCount = Int(count)
            case "--min-sample-ms": options.sampler.minimumSampleSeconds = try positiveNumber(for: argument) / 1000
            case "--warmup-ms": options.sampler.warmupSeconds = try positiveNumber(for: argument) / 1000
            case "--json": options.jsonPath = try value(for: argument)
            case "--list": options.listOnly = true
            case "--count-allocations": options.countAllocations = true
            case "--probe": options.probe = try value(for: argument)
            case "--probe-calls":
                let count = try positiveNumber(for: argument)
                guard count == count.rounded() else { throw BenchmarkError("--probe-calls needs a whole number") }
                options.probeCalls = Int(count)
            case "-h", "--help": options.showHelp = true
            default: throw BenchmarkError("unknown argument '\(argument)'\n\(usage(program: program))")
            }
        }
        return options
    }

    /// Whether the benchmark named `name` is selected.
    func selects(_ name: String) -> Bool {
        filters.isEmpty || filters.contains { name.lowercased().contains($0) }
    }
}
