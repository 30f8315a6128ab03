import Testing

@testable import RedisSchemaLint

/// The `--memory` estimator on synthetic populations of known total: exact means and totals, the
/// 95% interval's coverage, the finite-population correction, merging and the bounded largest keys.
struct MemoryEstimateTests {
    /// A deterministic xorshift generator, so that every run draws the same samples.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static func tally(_ sizes: [Int], seen: Int? = nil) -> MemoryTally {
        var tally = MemoryTally()
        for _ in 0..<(seen ?? sizes.count) { tally.see() }
        for (index, size) in sizes.enumerated() { tally.add(bytes: size) { "k\(index)" } }
        return tally
    }

    @Test func meanAndVarianceAreExact() throws {
        let tally = Self.tally([10, 20, 30, 40])
        #expect(tally.mean == 25)
        #expect(tally.sampledBytes == 100)
        // Sample variance of 10, 20, 30, 40: (225 + 25 + 25 + 225) / 3.
        #expect(abs((tally.variance ?? 0) - 500.0 / 3) < 1e-9)
    }

    @Test func everyKeyMeasuredGivesAnExactTotalWithNoWidth() throws {
        let estimate = try #require(Self.tally([10, 10_240, 10, 77]).estimate)
        #expect(estimate.isExact)
        #expect(estimate.total == 10_337)
        #expect(estimate.interval == 10_337...10_337)
    }

    @Test func theFinitePopulationCorrectionNarrowsTheIntervalAsTheSampleGrows() throws {
        let sizes = (0..<100).map { 100 + ($0 % 10) * 50 }
        var widths: [Double] = []
        for sampled in [10, 50, 90, 99] {
            let estimate = try #require(Self.tally(Array(sizes.prefix(sampled)), seen: 100).estimate)
            let interval = try #require(estimate.interval)
            #expect(!estimate.isExact)
            widths.append(interval.upperBound - interval.lowerBound)
        }
        #expect(widths == widths.sorted(by: >), "\(widths)")
        // Without the correction, 99 of 100 would be nearly as wide as 90 of 100.
        #expect(widths[3] < widths[2] / 3, "\(widths)")
    }

    @Test func totalIsMeanTimesKeysSeenAndNeverBelowWhatWasMeasured() throws {
        let estimate = try #require(Self.tally([1000, 1, 1], seen: 1000).estimate)
        #expect(abs(estimate.total - 334_000) < 1e-6)
        let interval = try #require(estimate.interval)
        #expect(interval.lowerBound >= 1002)
        #expect(interval.contains(estimate.total))
    }

    @Test func oneKeyMeasuredOfManyHasNoInterval() throws {
        let estimate = try #require(Self.tally([500], seen: 10).estimate)
        #expect(estimate.total == 5000)
        #expect(estimate.interval == nil)
        #expect(Self.tally([], seen: 10).estimate == nil)
    }

    @Test func vanishedKeysShrinkThePopulationInProportion() throws {
        var tally = Self.tally([100, 100], seen: 4)
        tally.addVanished()
        tally.addVanished()
        // Every key was tried and half were gone: the total is what the other half measured.
        let exact = try #require(tally.estimate)
        #expect(exact.isExact)
        #expect(exact.total == 200)
        var sampled = Self.tally([100, 100], seen: 40)
        sampled.addVanished()
        sampled.addVanished()
        let estimate = try #require(sampled.estimate)
        #expect(estimate.population == 20)
        #expect(estimate.total == 2000)
    }

    /// Draws 10% Bernoulli samples from skewed populations (most keys small, a few 100x bigger) and
    /// checks that the 95% interval holds the true total about 95% of the time.
    @Test func theIntervalHoldsTheTrueTotalAtTheNominalRate() throws {
        var generator = SeededGenerator(state: 0x1234_5678_9ABC_DEF1)
        let population = (0..<5000).map { index in index % 50 == 0 ? 20_000 + index : 100 + index % 300 }
        let truth = Double(population.reduce(0, +))
        let trials = 400
        var covered = 0
        for _ in 0..<trials {
            var tally = MemoryTally()
            for size in population {
                tally.see()
                if Double.random(in: 0..<1, using: &generator) < 0.1 { tally.add(bytes: size) { "" } }
            }
            if let interval = tally.estimate?.interval, interval.contains(truth) { covered += 1 }
        }
        let rate = Double(covered) / Double(trials)
        #expect(rate > 0.91 && rate < 0.99, "coverage \(rate)")
    }

    @Test func mergedTalliesEqualOneTallyOfEverything() throws {
        let left = [10, 2000, 35, 7]
        let right = [400, 1, 99_999]
        var merged = Self.tally(left, seen: 40)
        merged.merge(Self.tally(right, seen: 30))
        let whole = Self.tally(left + right, seen: 70)
        #expect(merged.keysSeen == 70)
        #expect(merged.keysSampled == 7)
        #expect(merged.sampledBytes == whole.sampledBytes)
        #expect(abs(merged.mean - whole.mean) < 1e-9)
        #expect(abs((merged.variance ?? 0) - (whole.variance ?? 0)) < 1e-6)
        #expect(merged.largest.map(\.bytes) == [99_999, 2000, 400, 35, 10])
    }

    @Test func combinedEstimatesAddTotalsAndErrorsInQuadrature() throws {
        let exact = try #require(Self.tally([10, 30]).estimate)
        let first = try #require(Self.tally([100, 300], seen: 20).estimate)
        let second = try #require(Self.tally([1000, 1400, 1200], seen: 30).estimate)
        let whole = try #require(MemoryEstimate(combining: [exact, first, second]))
        #expect(whole.total == exact.total + first.total + second.total)
        let errors = [first, second].compactMap(\.standardError)
        #expect(abs((whole.standardError ?? 0) - (errors[0] * errors[0] + errors[1] * errors[1]).squareRoot()) < 1e-6)
        #expect(!whole.isExact)
        #expect(try #require(MemoryEstimate(combining: [exact, exact])).isExact)
        // A part without a standard error leaves the whole without an interval.
        let single = try #require(Self.tally([7], seen: 9).estimate)
        #expect(try #require(MemoryEstimate(combining: [first, single])).interval == nil)
    }

    @Test func largestKeysAreBoundedAndLargestFirst() throws {
        var tally = MemoryTally()
        var named = 0
        for (index, size) in [5, 9, 1, 9, 30, 2, 8, 7, 100, 3].enumerated() {
            tally.add(bytes: size) {
                named += 1
                return "key\(index)"
            }
        }
        #expect(tally.largest.count == MemoryTally.largestKept)
        #expect(tally.largest.map(\.bytes) == [100, 30, 9, 9, 8])
        // Of two keys the same size, the one seen first stays ahead.
        #expect(tally.largest.map(\.key) == ["key8", "key4", "key1", "key3", "key6"])
        // Names are built only for keys that enter the list.
        #expect(named == 9)
    }
}
