/// What the sampled `MEMORY USAGE` replies of one group of keys (a key spec, or a shape of unknown
/// key) add up to, in constant memory: counts, a streaming mean and variance (Welford's method) and
/// the few largest keys.
///
/// Tallies merge (Chan et al.'s pairwise update), so that several groups can be estimated as one:
/// the keys are picked with the same probability whatever their group, so the samples of a union of
/// groups are a random sample of that union.
struct MemoryTally: Sendable, Hashable {
    /// How many of the largest sampled keys a tally keeps.
    static let largestKept = 5

    /// Keys of the group that SCAN returned.
    private(set) var keysSeen = 0
    /// Sampled keys whose `MEMORY USAGE` was read.
    private(set) var keysSampled = 0
    /// Sampled keys that no longer existed when `MEMORY USAGE` came (a null reply).
    private(set) var keysVanished = 0
    /// The exact sum of the sampled keys' sizes.
    private(set) var sampledBytes = 0
    private(set) var mean = 0.0
    /// The sum of squared deviations from ``mean``.
    private var squaredDeviations = 0.0
    /// The largest sampled keys, largest first; ties keep the key seen first.
    private(set) var largest: [SizedKey] = []

    /// Counts one scanned key of the group.
    mutating func see() {
        keysSeen += 1
    }

    /// Takes one sampled key's size. `key` is only called when the key is among the largest so far.
    mutating func add(bytes: Int, key: () -> String) {
        keysSampled += 1
        sampledBytes += bytes
        let delta = Double(bytes) - mean
        mean += delta / Double(keysSampled)
        squaredDeviations += delta * (Double(bytes) - mean)
        insertLargest(bytes: bytes, key: key)
    }

    /// Counts a sampled key that was gone before its size was read.
    mutating func addVanished() {
        keysVanished += 1
    }

    /// This tally and `other` as one.
    mutating func merge(_ other: MemoryTally) {
        let total = keysSampled + other.keysSampled
        if total > 0 {
            let delta = other.mean - mean
            let mine = Double(keysSampled)
            let theirs = Double(other.keysSampled)
            mean += delta * theirs / Double(total)
            squaredDeviations += other.squaredDeviations + delta * delta * mine * theirs / Double(total)
        }
        keysSeen += other.keysSeen
        keysSampled = total
        keysVanished += other.keysVanished
        sampledBytes += other.sampledBytes
        for entry in other.largest { insertLargest(bytes: entry.bytes) { entry.key } }
    }

    /// The sample variance (with Bessel's correction); `nil` below two samples.
    var variance: Double? {
        keysSampled >= 2 ? squaredDeviations / Double(keysSampled - 1) : nil
    }

    /// The group's total size, estimated from the samples.
    var estimate: MemoryEstimate? {
        MemoryEstimate(
            keysSeen: keysSeen, keysSampled: keysSampled, keysVanished: keysVanished, mean: mean,
            variance: variance, sampledBytes: sampledBytes)
    }

    private mutating func insertLargest(bytes: Int, key: () -> String) {
        if largest.count == Self.largestKept {
            guard let smallest = largest.last, bytes > smallest.bytes else { return }
            largest.removeLast()
        }
        let index = largest.firstIndex { $0.bytes < bytes } ?? largest.endIndex
        largest.insert(SizedKey(key: key(), bytes: bytes), at: index)
    }
}
