import Foundation

/// Numbers and durations the way people read them in a terminal: `12,345`, `58 min`, `4.2 s`.
///
/// Deliberately locale-independent, so that output (and the tests) are the same on every machine.
public enum HumanUnits {
    /// An integer with `,` between groups of three digits.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// A remaining TTL, in the largest unit that keeps it short: `45 s`, `58 min`, `1.5 h`, `7 d`.
    static func ttl(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        if seconds <= 0 { return "0 s" }
        if seconds < 1 { return "<1 s" }
        // Each unit is chosen by the rounded value so that 59.7 s reads `1 min`, not `60 s`.
        if seconds.rounded() < 60 { return "\(Int(seconds.rounded())) s" }
        if (seconds / 60).rounded() < 60 { return "\(Int((seconds / 60).rounded())) min" }
        let hours = seconds / 3600
        if (hours * 10).rounded() / 10 < 24 { return "\(oneDecimal(hours)) h" }
        let days = seconds / 86_400
        return days >= 100 ? "\(Int(days.rounded())) d" : "\(oneDecimal(days)) d"
    }

    /// How long the scan took: `0.8 s`, `42.0 s`, `3 min 5 s`, `2 h 10 min`.
    static func elapsed(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }

    /// A rate, grouped and without decimals: `12,345`.
    static func rate(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "?" }
        return grouped(Int(value.rounded()))
    }

    /// A fraction as a percentage with one decimal: `0.987` → `98.7%`.
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "?" }
        return String(format: "%.1f%%", fraction * 100)
    }

    /// `1.0` → `1`, `1.46` → `1.5`.
    private static func oneDecimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))" : String(format: "%.1f", rounded)
    }
}
