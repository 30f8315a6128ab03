/// A group's total memory estimated from a random sample of its keys' `MEMORY USAGE`, with a 95%
/// confidence interval.
///
/// With `n` keys measured out of a population of `N`, sample mean `m` and sample standard deviation
/// `s`, the total is `N·m` and its standard error `N·s/√n·√((N−n)/(N−1))` (the normal approximation,
/// with the finite-population correction: measuring every key leaves no uncertainty). The interval is
/// the total ± 1.96 standard errors, but never below the bytes actually measured.
///
/// Sampled keys that vanished before `MEMORY USAGE` (deleted or expired) are taken to stand for the
/// same share of the unsampled keys: the population is `keysSeen · n / (n + vanished)`.
struct MemoryEstimate: Sendable, Hashable {
    /// The two-sided 95% quantile of the standard normal distribution.
    static let z95 = 1.959_963_984_540_054

    /// The keys still there, estimated (see the type's documentation).
    let population: Double
    /// The estimated total.
    let total: Double
    /// The standard error of ``total``; `nil` when it cannot be computed (one key measured of several).
    let standardError: Double?
    /// The bytes actually measured: a floor for the interval.
    let measured: Double
    /// Whether every key was measured, so that the total is exact (up to `MEMORY USAGE`'s own estimate).
    let isExact: Bool

    /// `nil` when no key was measured.
    init?(keysSeen: Int, keysSampled: Int, keysVanished: Int, mean: Double, variance: Double?, sampledBytes: Int) {
        guard keysSampled > 0 else { return nil }
        let attempted = keysSampled + keysVanished
        isExact = attempted >= keysSeen
        population = isExact ? Double(keysSampled) : Double(keysSeen) * Double(keysSampled) / Double(attempted)
        measured = Double(sampledBytes)
        total = isExact ? measured : mean * population
        if isExact {
            standardError = 0
        } else if let variance, population > 1 {
            let n = Double(keysSampled)
            let correction = max(0, (population - n) / (population - 1))
            standardError = population * (variance / n * correction).squareRoot()
        } else {
            standardError = nil
        }
    }

    /// The sum of independent estimates (disjoint groups sampled independently): totals add, and so
    /// do the squares of their standard errors. `nil` when `parts` is empty.
    init?(combining parts: [MemoryEstimate]) {
        guard !parts.isEmpty else { return nil }
        population = parts.reduce(0) { $0 + $1.population }
        total = parts.reduce(0) { $0 + $1.total }
        measured = parts.reduce(0) { $0 + $1.measured }
        isExact = parts.allSatisfy(\.isExact)
        let errors = parts.compactMap(\.standardError)
        standardError = errors.count == parts.count ? errors.reduce(0) { $0 + $1 * $1 }.squareRoot() : nil
    }

    /// The mean size of a measured key.
    var mean: Double { population > 0 ? total / population : 0 }

    /// The 95% interval; `nil` without a standard error.
    var interval: ClosedRange<Double>? {
        guard let standardError else { return nil }
        let error = Self.z95 * standardError
        return max(measured, total - error)...max(measured, total + error)
    }
}
