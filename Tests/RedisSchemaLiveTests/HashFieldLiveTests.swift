import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// Per-field operations on a hash's fixed fields, by key path, enum placeholders and Codable models, against a
/// real server. Part of the serialized `LiveRedisTests` suite, as they share its database.
extension LiveRedisTests {
    @Test(arguments: protocols)
    func oneFieldAtATimeKeepsTheOthersAndTheTTL(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let profile = try UXKeys.Profile(id: 7)
            #expect(try await profile.get(\.name, on: app) == nil, "a missing key reads as nil")
            try await profile.set(\.name, to: "Ada", on: app)
            #expect(try await raw.texts("HKEYS", profile.key) == ["name"], "only that field is written")
            #expect(try await raw.integer("TTL", profile.key) ?? -1 > 3590, "HSET carries the TTL")

            try await raw.raw("PERSIST", profile.key)
            #expect(try await profile.increment(\.visits, by: 2, on: app) == 2)
            #expect(try await profile.increment(\.visits, on: app) == 3)
            #expect(try await raw.integer("TTL", profile.key) ?? -1 > 3590, "HINCRBY carries the TTL")
            #expect(try await profile.increment(\.rating, by: 0.5, on: app) == 0.5)
            #expect(try await profile.increment(\.rating, by: 1.25, on: app) == 1.75)
            #expect(try await raw.text("HGET", profile.key, "rating") == "1.75")

            let visits: Int? = try await profile.get(\.visits, on: app)
            #expect(visits == 3)
            let nickname: String? = try await profile.get(\.nickname, on: app)
            #expect(nickname == nil, "a missing optional field reads as nil")
            try await profile.set(\.nickname, to: "ada", on: app)
            #expect(try await profile.get(\.nickname, on: app) == "ada")
            #expect(try await raw.text("HGET", profile.key, "name") == "Ada", "other fields are untouched")

            let (name, nick, count) = try await profile.get(\.name, \.nickname, \.visits, on: app)
            #expect(name == "Ada" && nick == "ada" && count == 3)
            #expect(try await profile.get(on: app) == .init(name: "Ada", nickname: "ada", visits: 3, rating: 1.75))

            #expect(try await profile.remove(\.nickname, on: app))
            #expect(try await !profile.remove(\.nickname, on: app), "removing it again reports it was not set")
            let (stillName, removed) = try await profile.get(\.name, \.nickname, on: app)
            #expect(stillName == "Ada" && removed == nil)
        }
    }

    @Test func aFieldOfTheWrongTypeIsAnErrorNamingIt() async throws {
        try await LiveServer.withEmptyDatabase(.resp3) { app, raw in
            let profile = try UXKeys.Profile(id: 8)
            try await raw.raw("HSET", profile.key, "name", "Ada", "visits", "many")
            await #expect(
                throws: RedisSchemaError.wrongValueType(
                    key: "profile:8", field: "visits", expected: "an integer", value: "many")
            ) {
                _ = try await profile.get(\.visits, on: app)
            }
            await #expect(
                throws: RedisSchemaError.wrongValueType(
                    key: "profile:8", field: "visits", expected: "an integer", value: "many")
            ) {
                _ = try await profile.get(\.name, \.visits, on: app)
            }
            await #expect(throws: RedisSchemaError.missingField(key: "profile:8", field: "visits")) {
                try await raw.raw("HDEL", profile.key, "visits")
                _ = try await profile.get(on: app)
            }
        }
    }

    @Test func aKeyPathThatIsNotAFieldIsRefused() async throws {
        try await LiveServer.withEmptyDatabase(.resp3) { app, raw in
            let profile = try UXKeys.Profile(id: 9)
            await #expect(throws: RedisSchemaError.self) {
                _ = try await profile.get(\.name.count, on: app)
            }
            #expect(try UXKeys.Profile.fieldName(of: \.nickname) == "nickname")
            #expect(try await raw.integer("EXISTS", profile.key) == 0, "nothing was sent")
        }
    }

    @Test func enumPlaceholdersTakeTheirCases() async throws {
        try await LiveServer.withEmptyDatabase(.resp3) { app, raw in
            let chess = try UXKeys.Leaderboard(game: .chess)
            #expect(chess.key == "leaderboard:Chess")
            #expect(try UXKeys.Leaderboard(game: .ticTacToe).key == "leaderboard:tic-tac-toe")
            #expect(UXKeys.Leaderboard.Game(rawValue: "tic-tac-toe") == .ticTacToe)
            #expect(UXKeys.Leaderboard.Game(rawValue: "chess") == nil, "raw values are the schema's, case and all")
            #expect(UXKeys.Leaderboard.Game.allCases.map(\.rawValue) == ["Chess", "tic-tac-toe"])
            try await chess.add("ada", score: 3, on: app)
            #expect(try await chess.score("ada", on: app) == 3)
            #expect(try await raw.integer("EXISTS", "leaderboard:Chess") == 1)
        }
    }

    @Test func fieldsAndEntriesAreCodableWithTheSchemasFieldNames() throws {
        let fields = UXKeys.Profile.Fields(name: "Ada", nickname: nil, visits: 3, rating: 0.5)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(fields)) as? [String: Any]
        #expect(json?.keys.sorted() == ["name", "rating", "visits"])
        #expect(try JSONDecoder().decode(UXKeys.Profile.Fields.self, from: JSONEncoder().encode(fields)) == fields)
        let entry = UXKeys.Clicks.Entry(id: "1-0", fields: .init(kind: "tap", at: Date(timeIntervalSince1970: 0)))
        #expect(try JSONDecoder().decode(UXKeys.Clicks.Entry.self, from: JSONEncoder().encode(entry)) == entry)
    }
}
