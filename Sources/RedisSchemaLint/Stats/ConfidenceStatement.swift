#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a partial check says about the whole keyspace, stated honestly.
///
/// With k violations among n checked keys, the share of violating keys in the keyspace is below
/// the bound given, at 95% confidence: for k = 0 the exact binomial bound 1 − 0.05^(1/n) (the
/// "rule of three", about 3/n), otherwise the Wilson score upper bound. Both assume the checked
/// keys are representative of the rest.
enum ConfidenceStatement {
    static func upperBound(violations k: Int, checked n: Int) -> Double {
        guard n > 0 else { return 1 }
        if k == 0 { return 1 - pow(0.05, 1 / Double(n)) }
        let z = 1.959_963_984_540_054
        let p = Double(k) / Double(n)
        let n = Double(n)
        let centre = p + z * z / (2 * n)
        let spread = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return Swift.min(1, (centre + spread) / (1 + z * z / n))
    }

    static func describe(violations k: Int, checked n: Int, how: String) -> String {
        let bound = percent(upperBound(violations: k, checked: n))
        let keys = "\(HumanUnits.grouped(n)) \(how) key\(n == 1 ? "" : "s")"
        if k == 0 {
            return "0 violations in \(keys): under \(bound) of all keys violate the schema, at 95% confidence"
        }
        let observed = percent(Double(k) / Double(n))
        return
            "\(HumanUnits.grouped(k)) violation\(k == 1 ? "" : "s") in \(keys) (\(observed)): under \(bound) of all keys "
            + "violate the schema, at 95% confidence"
    }

    /// A percentage with two significant digits: `0.0060%`, `0.24%`, `12%`.
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        guard value > 0 else { return "0%" }
        let magnitude = Int(floor(log10(value)))
        let decimals = Swift.max(0, 1 - magnitude)
        let scale = pow(10, Double(decimals))
        let rounded = (value * scale).rounded(.up) / scale
        var text = String(rounded)
        if decimals == 0, text.hasSuffix(".0") { text.removeLast(2) }
        if let dot = text.firstIndex(of: "."), decimals > 0 {
            let have = text.distance(from: dot, to: text.endIndex) - 1
            if have < decimals { text += String(repeating: "0", count: decimals - have) }
        }
        return text + "%"
    }
}
