/// How long keys of a pattern live: a fixed duration, or for ever.
public enum TTL: Sendable, Hashable, CustomStringConvertible {
    /// The keys never expire.
    case none
    /// The keys expire this many milliseconds after they are written.
    case milliseconds(Int64)

    /// The duration in whole seconds (rounded up, as `EXPIRE` needs), or `nil` for ``none``.
    public var seconds: Int64? {
        guard case .milliseconds(let ms) = self else { return nil }
        return (ms + 999) / 1000
    }

    /// The duration in milliseconds, or `nil` for ``none``.
    public var milliseconds: Int64? {
        guard case .milliseconds(let ms) = self else { return nil }
        return ms
    }

    /// A short human form: `1 hour`, `5 min`, `1h 30min`, `none`.
    public var description: String {
        guard case .milliseconds(let total) = self else { return "none" }
        var parts: [String] = []
        var rest = total
        for unit in DurationUnit.displayOrder {
            let count = rest / unit.milliseconds
            guard count > 0 else { continue }
            rest -= count * unit.milliseconds
            parts.append(unit.format(count))
        }
        return parts.joined(separator: " ")
    }
}

/// The units a TTL may be written in, and how they are displayed.
enum DurationUnit: CaseIterable {
    case millisecond, second, minute, hour, day, week

    var milliseconds: Int64 {
        switch self {
        case .millisecond: return 1
        case .second: return 1000
        case .minute: return 60_000
        case .hour: return 3_600_000
        case .day: return 86_400_000
        case .week: return 604_800_000
        }
    }

    /// Weeks are accepted but not shown: "14 days" reads better than "2 weeks" next to "7 days".
    static let displayOrder: [DurationUnit] = [.day, .hour, .minute, .second, .millisecond]

    func format(_ count: Int64) -> String {
        switch self {
        case .millisecond: return "\(count) ms"
        case .second: return "\(count) s"
        case .minute: return "\(count) min"
        case .hour: return count == 1 ? "1 hour" : "\(count) hours"
        case .day: return count == 1 ? "1 day" : "\(count) days"
        case .week: return count == 1 ? "1 week" : "\(count) weeks"
        }
    }

    init?(spelling: Substring) {
        switch spelling.lowercased() {
        case "ms", "msec", "msecs", "millisecond", "milliseconds": self = .millisecond
        case "s", "sec", "secs", "second", "seconds": self = .second
        case "m", "min", "mins", "minute", "minutes": self = .minute
        case "h", "hr", "hrs", "hour", "hours": self = .hour
        case "d", "day", "days": self = .day
        case "w", "week", "weeks": self = .week
        default: return nil
        }
    }
}

extension TTL {
    /// Parses a TTL as schemas write it: `none`, plain seconds (`3600`), or one or more
    /// number-unit pairs (`90s`, `5 min`, `1 hour`, `7 days`, `1h30m`, `1h 30m`).
    /// Returns `nil` when `text` is none of these, or is zero.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.lowercased() == "none" {
            self = .none
            return
        }
        guard let total = Self.parseDuration(Substring(trimmed)), total > 0 else { return nil }
        self = .milliseconds(total)
    }

    private static func parseDuration(_ text: Substring) -> Int64? {
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) {
            return Int64(text).flatMap { $0.multipliedReportingOverflow(by: 1000).overflow ? nil : $0 * 1000 }
        }
        var rest = text[...]
        var total: Int64 = 0
        var sawPair = false
        while true {
            rest = rest.drop(while: { $0 == " " })
            if rest.isEmpty { return sawPair ? total : nil }
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, let count = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop(while: { $0 == " " })
            let letters = rest.prefix(while: \.isLetter)
            guard let unit = DurationUnit(spelling: letters) else { return nil }
            rest = rest.dropFirst(letters.count)
            let (product, overflow) = count.multipliedReportingOverflow(by: unit.milliseconds)
            guard !overflow else { return nil }
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !sumOverflow else { return nil }
            total = sum
            sawPair = true
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
