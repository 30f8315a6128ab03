// Compiled with the all-types schema's generated code by scripts/compile-generated: per-field hash operations
// by key path, enum placeholders and Codable models, called from whatever isolation the module defaults to.
import Foundation
import RedisSchema

func allTypesExamples(redis: some RedisClientProtocol) async throws {
    let profile = try AllTypes.Profile(userId: UUID())
    // One field at a time: optional fields read as `String?`, not `String??`.
    let name: String? = try await profile.get(\.name, on: redis)
    let nickname: String? = try await profile.get(\.nickname, on: redis)
    let lastLogin: Date? = try await profile.get(\.lastLogin, on: redis)
    _ = (name, nickname, lastLogin)
    try await profile.set(\.userAgent, to: "curl/8", on: redis)
    try await profile.set(\.nickname, to: "nick", on: redis)
    let age: Int = try await profile.increment(\.age, by: 1, on: redis)
    let score: Double = try await profile.increment(\.score, by: 0.5, on: redis)
    try await profile.increment(\.age, on: redis)
    _ = (age, score)
    let removed: Bool = try await profile.remove(\.nickname, on: redis)
    try await profile.remove(\.lastLogin, on: redis)
    _ = removed
    // Several fields in one HMGET, typed per key path.
    let (first, agent, again): (String?, String?, Int?) = try await profile.get(\.name, \.userAgent, \.age, on: redis)
    let pair: (Bool?, JSONValue?) = try await profile.get(\.active, \.extra, on: redis)
    _ = (first, agent, again, pair)
    _ = try AllTypes.Profile.fieldName(of: \.userAgent)
    // Enum placeholders: cases, not strings; raw text through init(rawValue:).
    let board = try AllTypes.Tournament(game: .chess, mode: .solo)
    let other = try AllTypes.Tournament(game: .ticTacToe, mode: .team)
    let named = AllTypes.Tournament.Game(rawValue: "2048") ?? ._2048
    let all: [AllTypes.Tournament.Game] = AllTypes.Tournament.Game.allCases
    _ = (board, other, named, all, AllTypes.Tournament.Game.chess2, AllTypes.Tournament.Game.`default`)
    _ = try AllTypes.BoolValue(flag: .on)
    // Fields and entries are Codable with the schema's field names.
    let fields = AllTypes.OptionalOnly.Fields(a: "x")
    let data = try JSONEncoder().encode(fields)
    _ = try JSONDecoder().decode(AllTypes.OptionalOnly.Fields.self, from: data)
    _ = try JSONEncoder().encode([AllTypes.Events.Entry]())
    // Values and key paths cross isolation domains.
    await Task.detached { _ = try? await profile.get(\.name, on: redis) }.value
}
