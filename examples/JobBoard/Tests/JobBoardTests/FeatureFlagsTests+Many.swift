import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

/// Part of ``FeatureFlagsTests``'s suite: its database, one test at a time.
extension FeatureFlagsTests {
    @Test func manyFlagsAreSwitchedAndAskedAboutInOneCommand() async throws {
        try await LiveServer.withEmptyDatabase(.featureFlags) { app, raw async throws in
            let flags = FeatureFlags(redis: app)
            #expect(try await flags.enable(["a", "b", "c"], in: .staging) == 3)
            #expect(try await flags.enable(["c", "d"], in: .staging) == 1)
            #expect(try await flags.areEnabled(["a", "x", "d"], in: .staging) == [true, false, true])
            #expect(try await flags.disable(["a", "x"], in: .staging) == 1)
            #expect(try await raw.texts("SMEMBERS", "flags:staging").sorted() == ["b", "c", "d"])
            #expect(try await flags.enable([], in: .staging) == 0)
        }
    }

    @Test func aScanStopsAtItsLimit() async throws {
        try await LiveServer.withEmptyDatabase(.featureFlags) { app, _ async throws in
            let flags = FeatureFlags(redis: app)
            let all = (1...500).map { "flag-\($0)" }
            try await flags.enable(all, in: .development)
            let some = try await flags.enabledFlags(in: .development, limit: 50, pageSize: 20)
            #expect(some.flags.count == 50 && !some.isComplete)
            #expect(Set(some.flags).isSubset(of: Set(all)))
            let every = try await flags.enabledFlags(in: .development, limit: 1000)
            #expect(Set(every.flags) == Set(all) && every.flags.count == 500 && every.isComplete)
        }
    }
}
