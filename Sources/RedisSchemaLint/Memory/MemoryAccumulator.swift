import RedisSchema
import RedisSchemaCore

/// Measures a sample of the scanned keys with `MEMORY USAGE` and sums them up per key spec and per
/// shape of unknown key (`validate --memory`), in memory that does not grow with the keys: one
/// ``MemoryTally`` per spec, and per shape up to ``LintAccumulator/maxShapes`` (further shapes share
/// one tally, as in the unknown-key report).
struct MemoryAccumulator {
    /// Shapes of unknown key listed one by one in the report; smaller ones are folded together.
    static let maxUnknownGroups = 20

    private let options: MemoryOptions
    private let classifier: KeyClassifier
    private let separator: UInt8
    private var sampler: Sampler
    private var scratch = KeyMatcher.Scratch()
    private var specs: [MemoryTally]
    private var shapes: [String: MemoryTally] = [:]
    private var keysUnread = 0

    /// A sampled key and the group it counts in.
    private enum Group {
        case spec(Int)
        case shape(String)
    }

    init(schema: Schema, options: MemoryOptions) {
        self.options = options
        // Only names are classified here; the policy does not matter.
        self.classifier = KeyClassifier(schema: schema, policy: RulePolicy())
        self.separator = schema.separator.utf8.first ?? UInt8(ascii: ":")
        self.sampler = Sampler(rate: options.sampleRate, seed: 0xD1B5_4A32_D192_ED03)
        self.specs = Array(repeating: MemoryTally(), count: schema.keys.count)
    }

    /// Counts one scan batch's keys in their groups and measures the sampled ones in a single pipeline
    /// on `client`. `owners` says whom each key belongs to, as the lint pass matched it; a key it has
    /// no owner for (`nil`: it vanished before TYPE, so was never matched) is matched here. A dropped connection leaves that batch's samples unmeasured (the batch itself is
    /// counted, so throwing would have the scanner read it again); any other failure is thrown. Returns
    /// how many commands it sent (one `MEMORY USAGE` per sampled key), for adaptive pacing.
    @discardableResult
    mutating func measure(
        _ keys: [[UInt8]], owners: [KeyClassifier.NameOwner?], on client: any RedisClientProtocol
    ) async throws(LintError) -> Int {
        var sampled: [(key: [UInt8], group: Group)] = []
        for (key, known) in zip(keys, owners) {
            let owner = known ?? key.withUnsafeBytes { classifier.owner(ofName: $0, scratch: &scratch) }
            let group: Group
            switch owner {
            case .ignored:
                continue
            case .spec(let index):
                specs[index].see()
                group = .spec(index)
            case .unknown:
                let shape = key.withUnsafeBytes { KeyShape.of($0, separator: separator) }
                let folded =
                    shapes[shape] == nil && shapes.count >= LintAccumulator.maxShapes
                    ? LintAccumulator.overflowShape : shape
                shapes[folded, default: MemoryTally()].see()
                group = .shape(folded)
            }
            if sampler.next() { sampled.append((key, group)) }
        }
        guard !sampled.isEmpty else { return 0 }
        let sizes: [Int?]
        do throws(LintError) {
            sizes = try await MemoryReader.sizes(of: sampled.map(\.key), on: client)
        } catch let error where error.isRecoverable {
            keysUnread += sampled.count
            return sampled.count
        }
        for ((key, group), size) in zip(sampled, sizes) {
            update(group) { tally in
                if let size {
                    tally.add(bytes: size) { KeyDisplay.excerpt(key) }
                } else {
                    tally.addVanished()
                }
            }
        }
        return sampled.count
    }

    private mutating func update(_ group: Group, _ change: (inout MemoryTally) -> Void) {
        switch group {
        case .spec(let index): change(&specs[index])
        case .shape(let shape): change(&shapes[shape, default: MemoryTally()])
        }
    }

    /// The report: every key spec and the biggest shapes of unknown key, largest estimate first.
    func report() -> MemoryReport {
        var report = MemoryReport(sampleRate: options.sampleRate, samples: DeepOptions.memorySamples)
        report.keysUnread = keysUnread
        var all = MemoryTally()
        // The whole is the sum of the groups' estimates; groups too small for a standard error of their
        // own are estimated together, as one random sample of their union.
        var strata: [MemoryEstimate] = []
        var rest = MemoryTally()
        func count(_ tally: MemoryTally) {
            all.merge(tally)
            if let estimate = tally.estimate, estimate.standardError != nil {
                strata.append(estimate)
            } else {
                rest.merge(tally)
            }
        }
        var groups: [MemoryGroup] = []
        for (spec, tally) in zip(classifier.schema.keys, specs) {
            count(tally)
            groups.append(Self.group(.pattern, name: spec.name, pattern: spec.pattern.source, tally))
        }
        // Biggest first by estimate, then by keys seen (a shape with no sample may still be numerous).
        let ranked = shapes.sorted { lhs, rhs in
            let left = (lhs.value.estimate?.total ?? 0, lhs.value.keysSeen)
            let right = (rhs.value.estimate?.total ?? 0, rhs.value.keysSeen)
            return left != right ? left > right : lhs.key < rhs.key
        }
        var folded = MemoryTally()
        for (index, (shape, tally)) in ranked.enumerated() {
            count(tally)
            if index < Self.maxUnknownGroups, shape != LintAccumulator.overflowShape {
                groups.append(Self.group(.unknown, name: shape, pattern: nil, tally))
            } else {
                folded.merge(tally)
            }
        }
        if folded.keysSeen > 0 {
            groups.append(Self.group(.unknown, name: LintAccumulator.overflowShape, pattern: nil, folded))
        }
        report.keysSampled = all.keysSampled
        report.keysVanished = all.keysVanished
        if let restEstimate = rest.estimate { strata.append(restEstimate) }
        if let estimate = MemoryEstimate(combining: strata) {
            report.exact = estimate.isExact && rest.keysSeen == 0
            report.estimatedBytes = estimate.total
            report.estimatedBytesLow = estimate.interval?.lowerBound
            report.estimatedBytesHigh = estimate.interval?.upperBound
            for index in groups.indices {
                groups[index].share = groups[index].estimatedBytes.map { estimate.total > 0 ? $0 / estimate.total : 0 }
            }
        }
        // Stable: key specs keep schema order among equals, and come before shapes of the same size.
        report.groups = groups.enumerated().sorted { lhs, rhs in
            let left = lhs.element.estimatedBytes ?? -1
            let right = rhs.element.estimatedBytes ?? -1
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        return report
    }

    private static func group(_ kind: MemoryGroupKind, name: String, pattern: String?, _ tally: MemoryTally)
        -> MemoryGroup
    {
        var group = MemoryGroup(kind: kind, name: name, pattern: pattern)
        group.keysSeen = tally.keysSeen
        group.keysSampled = tally.keysSampled
        group.keysVanished = tally.keysVanished
        group.largestKeys = tally.largest
        if let estimate = tally.estimate {
            group.meanBytes = estimate.mean
            group.estimatedBytes = estimate.total
            group.estimatedBytesLow = estimate.interval?.lowerBound
            group.estimatedBytesHigh = estimate.interval?.upperBound
            group.exact = estimate.isExact
            group.smallSample = !estimate.isExact && tally.keysSampled < MemoryReport.smallSample
        } else {
            group.smallSample = tally.keysSeen > 0
        }
        return group
    }
}
