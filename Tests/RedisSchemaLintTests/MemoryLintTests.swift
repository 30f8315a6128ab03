import Foundation
import Logging
import RedisSchema
import RedisSchemaClient
import RedisSchemaCore
import Testing

@testable import RedisSchemaLint

/// `--memory` against a real redis-server: keys of known sizes add up per pattern and unknown shape,
/// the largest keys come out on top, a sample's interval holds the full count, and keys gone before
/// `MEMORY USAGE` are skipped. Databases 36 and 37 are this suite's.
@Suite(.enabled(if: LiveServer.isAvailable, LiveServer.skipMessage))
struct MemoryLintTests {
    static let schemaText = """
        version: 1
        keys:
          small:
            pattern: small:<id>
            type: string
            ttl: none
          big:
            pattern: big:<id>
            type: string
            ttl: none
          empty:
            pattern: empty:<id>
            type: string
            ttl: none
        ignore:
          - "bull:*"
        """

    /// 300 strings of 10 B, 30 of 10 KiB (big:29 of 20,000 B), 60 unknown `tmp:<n>` of 1000 B,
    /// 5 ignored `bull:*` of 50 KiB.
    static func fill(_ connection: RedisConnection) async throws {
        var commands: [[any RedisArgumentConvertible]] = []
        for index in 0..<300 { commands.append(["SET", "small:\(index)", String(repeating: "s", count: 10)]) }
        for index in 0..<30 {
            commands.append(["SET", "big:\(index)", String(repeating: "b", count: index == 29 ? 20_000 : 10_240)])
        }
        for index in 0..<60 { commands.append(["SET", "tmp:\(index)", String(repeating: "t", count: 1000)]) }
        for index in 0..<5 { commands.append(["SET", "bull:\(index)", String(repeating: "q", count: 51_200)]) }
        try await connection.run(commands)
    }

    /// What the server itself says each group holds, summed key by key.
    static func truth(_ connection: RedisConnection, prefix: String, count: Int) async throws -> Int {
        let replies = try await connection.pipeline(
            (0..<count).map { RedisCommand("MEMORY", "USAGE", "\(prefix):\($0)", "SAMPLES", 5) })
        return replies.reduce(0) { $0 + Int($1.int ?? 0) }
    }

    func group(_ report: MemoryReport, _ name: String) throws -> MemoryGroup {
        try #require(report.groups.first { $0.name == name }, "no group \(name) in \(report.groups.map(\.name))")
    }

    @Test func everyKeyMeasuredGivesExactTotalsPerPatternAndShape() async throws {
        let connection = try await LiveServer.freshDatabase(36)
        try await Self.fill(connection)
        var options = MemoryOptions()
        options.sampleRate = 1
        let outcome = try await lint(try testSchema(Self.schemaText), on: connection) { $0.memory = options }
        let memory = try #require(outcome.report.memory)
        #expect(memory.sampleRate == 1)
        #expect(memory.keysSampled == 390)
        #expect(memory.keysVanished == 0)

        let big = try group(memory, "big")
        #expect(big.kind == .pattern)
        #expect(big.pattern == "big:<id>")
        #expect(big.keysSeen == 30 && big.keysSampled == 30)
        #expect(big.exact && !big.smallSample)
        #expect(big.estimatedBytes == Double(try await Self.truth(connection, prefix: "big", count: 30)))
        #expect(big.estimatedBytesLow == big.estimatedBytes && big.estimatedBytesHigh == big.estimatedBytes)
        #expect(big.largestKeys.count == 5)
        #expect(big.largestKeys.first?.key == "big:29")
        #expect(big.largestKeys.allSatisfy { $0.bytes > 10_240 })

        let small = try group(memory, "small")
        #expect(small.estimatedBytes == Double(try await Self.truth(connection, prefix: "small", count: 300)))
        #expect((small.meanBytes ?? 0) < 100, "a 10-byte string is far below 10 KiB: \(small)")
        #expect((big.meanBytes ?? 0) > 10_240)

        let tmp = try group(memory, "tmp:<n>")
        #expect(tmp.kind == .unknown && tmp.pattern == nil)
        #expect(tmp.keysSeen == 60)
        #expect(tmp.estimatedBytes == Double(try await Self.truth(connection, prefix: "tmp", count: 60)))

        let empty = try group(memory, "empty")
        #expect(empty.keysSeen == 0 && empty.estimatedBytes == nil)
        // Largest first; ignored keys are not measured; the shares add up to the whole.
        #expect(memory.groups.map(\.name) == ["big", "tmp:<n>", "small", "empty"])
        #expect(!memory.groups.contains { $0.name.hasPrefix("bull") })
        #expect(memory.estimatedBytes == [big, small, tmp].compactMap(\.estimatedBytes).reduce(0, +))
        #expect(memory.exact)
        let shares = memory.groups.compactMap(\.share).reduce(0, +)
        #expect(abs(shares - 1) < 1e-9)
        // The linter's own counts are untouched by --memory.
        #expect(outcome.report.summary.keysIgnored == 5)
        #expect(outcome.report.summary.keysUnknown == 60)
    }

    @Test func aSampledEstimateHoldsTheFullCountInItsInterval() async throws {
        let connection = try await LiveServer.freshDatabase(37)
        try await Self.fill(connection)
        let schema = try testSchema(Self.schemaText)
        var all = MemoryOptions()
        all.sampleRate = 1
        let exact = try #require(try await lint(schema, on: connection) { $0.memory = all }.report.memory)
        var some = MemoryOptions()
        some.sampleRate = 0.3
        let sampled = try #require(try await lint(schema, on: connection) { $0.memory = some }.report.memory)
        #expect(sampled.keysSampled > 60 && sampled.keysSampled < 200, "\(sampled.keysSampled) of 390 at 30%")
        // The whole is within 10% of the truth; its interval may miss: big:29, twice the size of the
        // other big keys, is either in the sample or not, and a normal approximation on 9 keys cannot tell.
        let total = try #require(exact.estimatedBytes)
        let estimate = try #require(sampled.estimatedBytes)
        #expect(abs(estimate - total) < total / 10, "\(estimate) against \(total)")
        let small = try group(sampled, "small")
        #expect(small.keysSeen == 300 && !small.exact)
        #expect(small.keysSampled < 300)
        let exactSmall = try #require(try group(exact, "small").estimatedBytes)
        #expect((small.estimatedBytesLow ?? .infinity) <= exactSmall && exactSmall <= (small.estimatedBytesHigh ?? 0))
        // 30% of 30 big keys is fewer than 30 measured: the report says the interval is wide.
        #expect(try group(sampled, "big").smallSample)
    }

    @Test func keysGoneBeforeMemoryUsageAreSkippedAndCounted() async throws {
        let connection = try await LiveServer.freshDatabase(35)
        try await connection.run([["SET", "small:1", "x"]])
        var options = MemoryOptions()
        options.sampleRate = 1
        var memory = MemoryAccumulator(schema: try testSchema(Self.schemaText), options: options)
        // As if SCAN had returned keys deleted since: MEMORY USAGE answers null for them. None has an
        // owner from the lint pass (they vanished before TYPE), so the accumulator matches them itself.
        let keys = [Array("small:1".utf8), Array("small:2".utf8), Array("tmp:9".utf8), Array("bull:1".utf8)]
        try await memory.measure(keys, owners: Array(repeating: nil, count: keys.count), on: connection)
        let report = memory.report()
        #expect(report.keysSampled == 1)
        #expect(report.keysVanished == 2)
        let small = try group(report, "small")
        #expect(small.keysSeen == 2 && small.keysSampled == 1 && small.keysVanished == 1)
        #expect(small.exact, "every key was tried: the one left is the whole group")
        let tmp = try group(report, "tmp:<n>")
        #expect(tmp.keysVanished == 1 && tmp.estimatedBytes == nil)
    }
}
