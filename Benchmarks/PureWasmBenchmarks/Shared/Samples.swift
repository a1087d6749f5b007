/// The samples of one benchmark: time per run in seconds, and their order statistics.
struct Samples: Sendable {
    /// Time per run of each sample, in the order taken.
    let secondsPerRun: [Double]
    /// How many runs each sample timed.
    let iterationsPerSample: Int

    private var sorted: [Double] { secondsPerRun.sorted() }

    var median: Double { quantile(0.5) }
    var minimum: Double { sorted.first ?? .nan }
    var maximum: Double { sorted.last ?? .nan }
    /// The first quartile.
    var lowerQuartile: Double { quantile(0.25) }
    /// The third quartile.
    var upperQuartile: Double { quantile(0.75) }

    /// The spread around the median as a fraction of it: (max − min) / median.
    var relativeSpread: Double { (maximum - minimum) / median }

    /// The `q` quantile with linear interpolation between order statistics.
    func quantile(_ q: Double) -> Double {
        let values = sorted
        guard !values.isEmpty else { return .nan }
        let position = q * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let fraction = position - Double(lower)
        return values[lower] + (values[upper] - values[lower]) * fraction
    }
}
