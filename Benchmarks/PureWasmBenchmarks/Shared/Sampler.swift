/// Times a piece of work: warms it up, picks how many runs one sample takes so that a sample is
/// long enough to time, then takes samples of the time per run.
struct Sampler: Sendable {
    /// Samples taken per benchmark.
    var sampleCount: Int = 9
    /// A sample lasts at least this long (runs are batched until it does).
    var minimumSampleSeconds: Double = 0.05
    /// Runs before sampling start go on for at least this long (and at least two runs).
    var warmupSeconds: Double = 0.2

    /// Warms `body` up and returns how many runs one sample needs. Warm-up runs in batches that
    /// double until a batch lasts a tenth of a sample, so that even a run of a few nanoseconds is
    /// timed over many runs.
    func calibrate(_ body: () throws -> Void) rethrows -> Int {
        let clock = ContinuousClock()
        let start = clock.now
        var runs = 0
        var batch = 1
        var perRun = 0.0
        while true {
            perRun = try sample(iterations: batch, body)
            runs += batch
            let batchSeconds = perRun * Double(batch)
            if runs >= 2, seconds(clock.now - start) >= warmupSeconds, batchSeconds >= minimumSampleSeconds / 10 { break }
            if batchSeconds < minimumSampleSeconds / 10 { batch *= 2 }
        }
        return max(1, Int((minimumSampleSeconds / max(perRun, 1e-10)).rounded(.up)))
    }

    /// The time per run, in seconds, of `iterations` consecutive runs of `body`.
    func sample(iterations: Int, _ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { try body() }
        return seconds(clock.now - start) / Double(iterations)
    }

    /// Warms `body` up and takes ``sampleCount`` samples.
    func measure(_ body: () throws -> Void) rethrows -> Samples {
        let iterations = try calibrate(body)
        var times: [Double] = []
        for _ in 0..<sampleCount { times.append(try sample(iterations: iterations, body)) }
        return Samples(secondsPerRun: times, iterationsPerSample: iterations)
    }

    /// Measures several bodies side by side: each is warmed up, then their samples alternate
    /// (one sample of each in turn), so that a change in the machine's load while they run
    /// affects all of them alike.
    func measureInterleaved(_ bodies: [() throws -> Void]) throws -> [Samples] {
        var iterations: [Int] = []
        for body in bodies { iterations.append(try calibrate(body)) }
        var times = Array(repeating: [Double](), count: bodies.count)
        for _ in 0..<sampleCount {
            for (index, body) in bodies.enumerated() {
                times[index].append(try sample(iterations: iterations[index], body))
            }
        }
        return bodies.indices.map { Samples(secondsPerRun: times[$0], iterationsPerSample: iterations[$0]) }
    }
}

/// Seconds in a duration.
func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) * 1e-18
}

/// Keeps a value alive so that the optimizer cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Returns its argument through a call the optimizer cannot see into, so that work on a constant
/// input is not hoisted out of the timed loop.
@inline(never)
func opaque<T>(_ value: T) -> T { value }
