// Compiled with the seed schema's generated code by scripts/compile-generated: the examples,
// called from whatever isolation the module defaults to (main actor included).
import Foundation
import RedisSchema

func seedExamples(redis: some RedisClientProtocol) async throws {
    let now = Date()
    let session = try UXKeys.Session(sid: "12345")
    try await session.set(.init(userId: "u-1", device: "Android", startedAt: now), on: redis)
    let state: UXKeys.Session.Fields? = try await session.get(on: redis)
    _ = state
    // One field at a time, by key path (the spelling).
    let device: String? = try await session.get(\.device, on: redis)
    try await session.set(\.device, to: "iOS", on: redis)
    let (userId, startedAt) = try await session.get(\.userId, \.startedAt, on: redis)
    _ = (device, userId, startedAt)
    try await UXKeys.SessionLive(sid: "12345").add(.init(type: "click", x: 190, y: 240, ts: 1_700_000_000), on: redis)
    try await UXKeys.ActiveUsers().add(userId: "uuid123", score: 1_700_000_000, on: redis)
    try await UXKeys.Rage(sid: "12345", element: "btn-login").increment(on: redis)
    try await UXKeys.Heatmap(screen: "Home").increment(x: 120, y: 330, by: 1, on: redis)
    try await UXKeys.Latency(api: "/api/login").push(320, on: redis)
    try await UXKeys.ExpScore(sid: "12345").set(78, on: redis)
    try await UXKeys.ReplayQueue().push("chunk-1", on: redis)
    // Generated values cross isolation domains freely.
    let key = try UXKeys.Session(sid: "1")
    await Task.detached { _ = key.key }.value
}
