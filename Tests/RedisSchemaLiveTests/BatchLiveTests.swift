import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// Batches against a real server: one round trip, typed results, the first call of a script carrying its
/// source, and a failing operation named while the others run.
extension LiveRedisTests {
    @Test(arguments: protocols)
    func aPipelinedBatchRunsInOrderWithTypedResults(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let rage = try UXKeys.Rage(sid: "batch", element: "e")
            let latency = try UXKeys.Latency(api: "batch")
            let (count, length, again, values) = try await app.execute(
                rage.increment(by: 2), latency.push(320), rage.increment(by: 3), latency.range())
            #expect(count == 2)
            #expect(length == 1)
            #expect(again == 5)
            #expect(values == [320])
            try await expectSchemaShape(rage, after: "a batch", raw: raw)
            try await expectSchemaShape(latency, after: "a batch", raw: raw)
        }
    }

    @Test func aBatchAfterAScriptFlushNeedsNoSecondRoundTrip() async throws {
        try await LiveServer.withEmptyDatabase(.resp3) { app, raw in
            try await raw.raw("SCRIPT", "FLUSH")
            try await raw.raw("CONFIG", "RESETSTAT")
            let rage = try UXKeys.Rage(sid: "flushed", element: "e")
            let counts = try await app.execute((0..<100).map { _ in try rage.increment(by: 1) })
            #expect(counts == Array(1...100))
            let stats = try #require(try await raw.text("INFO", "commandstats"))
            // One EVAL caches the script for the 99 EVALSHA behind it: no NOSCRIPT, nothing sent twice.
            #expect(stats.contains("cmdstat_eval:calls=1,"), "\(stats)")
            #expect(stats.contains("cmdstat_evalsha:calls=99,"), "\(stats)")
            #expect(!stats.contains("NOSCRIPT"))
        }
    }

    @Test(arguments: protocols)
    func aTransactionRunsTogetherAndNamesTheOperationThatFailed(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let rage = try UXKeys.Rage(sid: "tx", element: "e")
            let latency = try UXKeys.Latency(api: "tx")
            let (count, length) = try await app.transaction(rage.increment(by: 1), latency.push(5))
            #expect(count == 1 && length == 1)

            // Another service's hash where the list should be: the type guard refuses that write alone.
            try await raw.raw("DEL", latency.key)
            try await raw.raw("HSET", latency.key, "owner", "someone else")
            let error = await #expect(throws: RedisBatchError.self) {
                try await app.transaction(rage.increment(by: 1), latency.push(6), rage.get())
            }
            #expect(error?.index == 1)
            #expect(
                error?.error as? RedisSchemaError == .wrongType(key: latency.key, expected: .list, actual: .hash))
            #expect(try await raw.text("HGET", latency.key, "owner") == "someone else")
            #expect(try await raw.integer("PTTL", latency.key) == -1, "the hash got no TTL")
            #expect(try await rage.get(on: app) == 2, "Redis does not roll back: the other operations ran")
        }
    }

    @Test func aTransactionRefusedWhenQueuedRunsNothing() async throws {
        try await LiveServer.withEmptyDatabase(.resp3) { app, raw in
            let rage = try UXKeys.Rage(sid: "refused", element: "e")
            let bogus = RedisOperation<RESPValue>(key: rage.key, command: RedisCommand("NOSUCHCOMMAND", rage.key)) {
                $0
            }
            let error = await #expect(throws: RedisBatchError.self) {
                try await app.transaction(rage.increment(by: 1), bogus)
            }
            #expect(error?.index == 1)
            #expect(try await raw.integer("EXISTS", rage.key) == 0, "EXECABORT: the increment did not run")
        }
    }
}
