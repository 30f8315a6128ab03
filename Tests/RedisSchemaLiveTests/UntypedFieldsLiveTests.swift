import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// Keys whose schema Swift finds awkward, run against the real server: untyped hash and stream fields, and a
/// key whose name is renamed for Swift. Part of the serialized `LiveRedisTests` suite, as they share its database.
extension LiveRedisTests {
    @Test(arguments: protocols)
    func untypedHashFieldsRoundTripWithTheirTTL(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let attributes = try UXKeys.Attributes(sid: "12345")
            #expect(try await attributes.get(on: app) == nil)
            try await afterWrite(attributes, "set", raw: raw) {
                try await attributes.set(["plan": "pro", "locale": "de-CH"], on: app)
            }
            try await attributes.set([:], on: app)
            #expect(try await attributes.get(on: app) == ["plan": "pro", "locale": "de-CH"])
            #expect(try await raw.texts("HKEYS", attributes.key).sorted() == ["locale", "plan"])
        }
    }

    @Test(arguments: protocols)
    func untypedStreamEntriesRoundTripCappedWithAMillisecondTTL(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let audit = try UXKeys.Audit(sid: "12345")
            var ids: [String] = []
            for index in 1...5 {
                try await afterWrite(audit, "add #\(index)", raw: raw) {
                    ids.append(
                        try await audit.add([(name: "event", value: "e\(index)"), (name: "by", value: "u")], on: app))
                }
            }
            #expect(try await audit.length(on: app) == 3, "MAXLEN = 3 keeps exactly 3 entries")
            let entries = try await audit.range(on: app)
            #expect(entries.map(\.id) == Array(ids.suffix(3)))
            #expect(entries.map(\.fields) == [3, 4, 5].map { ["event": "e\($0)", "by": "u"] })
            #expect(try await audit.read(after: ids[3], on: app).map(\.fields["event"]) == ["e5"])
            let pttl = try #require(try await raw.integer("PTTL", audit.key))
            #expect(pttl > 1000 && pttl <= 2500, "PEXPIRE 2500, not EXPIRE 3")
        }
    }

    @Test func aKeyNamedTypeIsUsableAsTypeKey() async throws {
        try await LiveServer.withEmptyDatabase(.resp3) { app, raw in
            let key = try UXKeys.TypeKey(Type: "a")
            try await key.set("value", on: app)
            #expect(key.key == "type:a")
            #expect(try await raw.text("GET", "type:a") == "value")
        }
    }
}
