import RedisSchema
import RedisSchemaClient
import Testing

/// Keys generated from patterns with the same hash tag: one slot by `RedisHashSlot` (whose own tests check it
/// against `CLUSTER KEYSLOT`), written and moved between on the real server, and values that would move the
/// tag refused before anything is sent. Part of the serialized `LiveRedisTests` suite, as they share its database.
extension LiveRedisTests {
    @Test func hashTagsKeepATenantsKeysInOneSlotAndMoveBetweenThem() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            for tenant in ["t1", "acme-corp", "ünïcode", "a{b"] {
                let inbox = try UXKeys.ShardInbox(tenant: tenant)
                let done = try UXKeys.ShardDone(tenant: tenant)
                let state = try UXKeys.ShardState(tenant: tenant)
                #expect(inbox.key == "shard:{\(tenant)}:inbox")
                let slot = RedisHashSlot.slot(of: tenant)
                #expect([inbox.key, done.key, state.key].map { RedisHashSlot.slot(of: $0) } == [slot, slot, slot])

                try await inbox.append(contentsOf: ["m1", "m2"], on: app)
                try await state.set(UXKeys.ShardState.Fields(owner: "o-\(tenant)"), on: app)
                #expect(try await inbox.move(from: .head, to: done, at: .head, on: app) == "m1")
                #expect(try await done.range(on: app) == ["m1"])
                #expect(try await inbox.range(on: app) == ["m2"])
                #expect(try await raw.integer("PTTL", done.key) ?? 0 > 0, "the move set the destination's TTL")
                #expect(try await raw.text("HGET", state.key, "owner") == "o-\(tenant)")
            }
            // Other tenants' keys are in their own slots.
            let slots = Set(
                try ["t1", "t2", "t3", "t4"].map { RedisHashSlot.slot(of: try UXKeys.ShardInbox(tenant: $0).key) })
            #expect(slots.count > 1)
        }
    }

    @Test func aTenantThatWouldCloseTheHashTagEarlyIsRefusedAndNothingIsWritten() async throws {
        try await LiveServer.withEmptyDatabase { _, raw throws in
            let before = try await raw.integer("DBSIZE")
            #expect(before == 0)
            #expect(
                throws: RedisSchemaError.invalidParam(
                    pattern: "shard:{<tenant>}:inbox", param: "tenant", value: "a}b",
                    violation: .movesHashTag(brace: "}", tag: "{<tenant>}"))
            ) {
                try UXKeys.ShardInbox(tenant: "a}b")
            }
            let after = try await raw.integer("DBSIZE")
            #expect(after == 0, "nothing was written")
        }
    }
}
