import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// `trim: exact` and `trim: approximate` on a real server. Part of the serialized `LiveRedisTests` suite, as they
/// share its database.
extension LiveRedisTests {
    /// `MAXLEN = 5` holds after every add; `MAXLEN ~ 10` lets the stream grow past 10 until Redis can drop a
    /// whole radix-tree node (`stream-node-max-entries`, 100 by default), and never further.
    @Test func exactStreamsNeverExceedTheirCapAndApproximateOnesStayWithinANode() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            let adds = 1000
            let exact = try UXKeys.Clicks(sid: "trim")
            var longestExact: Int64 = 0
            for second in 0..<adds {
                let at = Date(timeIntervalSince1970: Double(second))
                try await exact.add(.init(kind: "tap", at: at, note: nil), on: app)
                longestExact = max(longestExact, try #require(try await raw.integer("XLEN", exact.key)))
            }
            #expect(longestExact == 5, "MAXLEN = 5 never lets the stream hold more than 5 entries")

            let approximate = try UXKeys.Ticks(sid: "trim")
            var longestApproximate: Int64 = 0
            for n in 0..<adds {
                try await approximate.add(.init(n: n), on: app)
                longestApproximate = max(
                    longestApproximate, try #require(try await raw.integer("XLEN", approximate.key)))
            }
            let length = try await approximate.length(on: app)
            #expect(longestApproximate > 10, "MAXLEN ~ trims whole nodes, so the stream grows past its cap")
            #expect(longestApproximate <= 10 + 100, "but never by more than one node of 100 entries")
            #expect(length >= 10 && length < adds, "it was trimmed, and keeps at least its cap")
            let newest = try #require(try await approximate.range(on: app).last)
            #expect(newest.fields.n == adds - 1, "trimming drops the oldest entries")
            try await expectSchemaShape(approximate, after: "\(adds) adds", raw: raw)
        }
    }
}
