/// Remaining TTLs in constant memory: exact minimum and maximum, and quantiles within about 1%,
/// from a sparse histogram of logarithmic buckets (at most a few thousand, whatever the key count).
struct TTLSketch: Sendable {
    /// Bucket width: each bucket spans 1% of its lower bound.
    private static let growth = 1.01
    private static let logGrowth = log(growth)

    private var buckets: [Int: Int] = [:]
    private(set) var count = 0
    private(set) var minimum = Int64.max
    private(set) var maximum = Int64.min

    mutating func add(milliseconds: Int64) {
        count += 1
        minimum = min(minimum, milliseconds)
        maximum = max(maximum, milliseconds)
        buckets[Self.bucket(milliseconds), default: 0] += 1
    }

    /// The value at quantile `q` (0...1), in milliseconds, or `nil` when empty.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = Int((q * Double(count - 1)).rounded(.down))
        var seen = 0
        for bucket in buckets.keys.sorted() {
            seen += buckets[bucket]!
            if seen > rank {
                let estimate = Self.value(ofBucket: bucket)
                return Swift.min(Swift.max(estimate, Double(minimum)), Double(maximum))
            }
        }
        return Double(maximum)
    }

    var summary: TTLSummary? {
        guard count > 0, let median = quantile(0.5), let p95 = quantile(0.95) else { return nil }
        return TTLSummary(
            count: count, min: Double(minimum) / 1000, median: median / 1000, p95: p95 / 1000,
            max: Double(maximum) / 1000)
    }

    private static func bucket(_ milliseconds: Int64) -> Int {
        milliseconds <= 1 ? 0 : Int(log(Double(milliseconds)) / logGrowth) + 1
    }

    /// The middle of a bucket, which is within half a bucket (0.5%) of every value in it.
    private static func value(ofBucket bucket: Int) -> Double {
        guard bucket > 0 else { return 1 }
        let low = pow(growth, Double(bucket - 1))
        return low * (1 + growth) / 2
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
