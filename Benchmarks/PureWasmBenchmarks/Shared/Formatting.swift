import Foundation

/// Number formats for the tables.
enum Format {
    /// A duration with three significant digits in ns, µs, ms or s: "20.9 ms".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-" }
        let (value, unit): (Double, String) =
            seconds >= 1 ? (seconds, "s")
            : seconds >= 1e-3 ? (seconds * 1e3, "ms")
            : seconds >= 1e-6 ? (seconds * 1e6, "µs")
            : (seconds * 1e9, "ns")
        return "\(significant(value)) \(unit)"
    }

    /// Three significant digits, without exponent: 1234 → "1234", 12.345 → "12.3", 0.01234 → "0.0123".
    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : magnitude >= 0.1 ? 3 : 4
        return String(format: "%.\(decimals)f", value)
    }

    /// A rate with a metric prefix: "12.3 M/s".
    static func rate(_ perSecond: Double, unit: String = "/s") -> String {
        guard perSecond.isFinite else { return "-" }
        if perSecond >= 1e9 { return "\(significant(perSecond / 1e9)) G\(unit)" }
        if perSecond >= 1e6 { return "\(significant(perSecond / 1e6)) M\(unit)" }
        if perSecond >= 1e3 { return "\(significant(perSecond / 1e3)) k\(unit)" }
        return "\(significant(perSecond)) \(unit)"
    }

    /// A ratio: "12.3×".
    static func ratio(_ value: Double) -> String {
        "\(significant(value))×"
    }

    /// The spread of samples as min–max around the median, in percent: "-1.2% +3.4%".
    static func spread(_ samples: Samples) -> String {
        let low = (samples.minimum / samples.median - 1) * 100
        let high = (samples.maximum / samples.median - 1) * 100
        return String(format: "%+.1f%% %+.1f%%", low, high)
    }

    /// A byte count in B, KiB or MiB.
    static func bytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) B"
    }
}
