/// Number formatting and statistics for benchmark output, without Foundation (the benchmarks link none).

/// `value` with `decimals` decimals, e.g. `fixed(12.345, 1)` is `12.3`.
public func fixed(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let sign = scaled < 0 ? "-" : ""
    let whole = String(abs(scaled) / Int(scale))
    guard decimals > 0 else { return sign + whole }
    let fraction = String(abs(scaled) % Int(scale))
    return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
}

/// The middle value of `values` (the upper one of the two middle values for an even count), which one slow
/// run on a busy machine does not move; `nil` when there are none.
public func median(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.sorted()[values.count / 2]
}

extension Duration {
    /// The duration in seconds, as a `Double` for rates and per-operation figures.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
