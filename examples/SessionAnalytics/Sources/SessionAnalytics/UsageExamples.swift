import Foundation
import RedisSchema

/// One key as it stands after the usage examples: what the schema declares and what Redis holds.
public struct KeyReport: Sendable, Hashable {
    /// The key, e.g. `session:12345`.
    public var key: String
    /// The key's pattern in the schema, e.g. `session:<sid>`.
    public var pattern: String
    /// The Redis type the schema declares.
    public var type: RedisKeyType
    /// The TTL the schema declares.
    public var declaredTTL: KeyTTL
    /// The TTL the key has left (`PTTL`).
    public var remainingTTL: KeyExpiry
    /// The key's contents, read back through the typed API and shown as text.
    public var contents: String
}

extension SessionAnalytics {
    /// Performs every usage example of the seed document, in its order and with its values (the session
    /// ID is `sid`), then reads each key back through the typed API.
    ///
    /// - Returns: one report per key written, in the order of the examples.
    public func runUsageExamples(sid: String = "12345") async throws -> [KeyReport] {
        let startedAt = Date(timeIntervalSince1970: 1_765_534_920)  // 2025-12-12T10:22:00Z
        // HSET session:12345 userId "uuid" device "Android" startedAt "2025-12-12T10:22:00Z"; EXPIRE … 3600
        try await startSession(sid, userId: "uuid", device: "Android", startedAt: startedAt)
        // XADD session:live:12345 * type click x 190 y 240 ts 1700000000
        try await recordEvent(sid, type: "click", x: 190, y: 240, timestamp: 1_700_000_000)
        // ZADD active_users 1700000000 user:uuid123
        try await markActive(userId: "uuid123", at: 1_700_000_000)
        // INCRBY rage:12345:btn-login 1; EXPIRE … 300
        try await recordRageClick(sid, element: "btn-login")
        // HINCRBY heatmap:Home "120_330" 1
        try await recordClick(screen: "Home", x: 120, y: 330)
        // LPUSH latency:/api/login 320; LTRIM … 0 99
        try await recordLatency(api: "/api/login", milliseconds: 320)
        // SET exp_score:12345 78 EX 1800
        try await cacheExperienceScore(sid, score: 78)
        // LPUSH replay_queue chunk-1
        try await enqueueReplayChunk("chunk-1")

        return try await usageReport(sid: sid)
    }

    /// Reads back every key the usage examples write.
    public func usageReport(sid: String = "12345") async throws -> [KeyReport] {
        let session = try await self.session(sid)
        let events = try await self.events(sid)
        let users = try await self.activeUsers(since: 0)
        let latencies = try await recentLatencies(api: "/api/login")
        let score = try await experienceScore(sid)
        let queued = try await UXKeys.ReplayQueue().range(on: redis)
        return [
            try await report(
                UXKeys.Session(sid: sid),
                session.map {
                    "userId=\($0.userId) device=\($0.device) startedAt=\(ISO8601DateTime.format($0.startedAt))"
                } ?? "(expired)"),
            try await report(
                UXKeys.SessionLive(sid: sid),
                events.map { "\($0.id) type=\($0.type) x=\($0.x) y=\($0.y) ts=\($0.timestamp)" }
                    .joined(separator: "; ")),
            try await report(
                UXKeys.ActiveUsers(), users.map { "user:\($0.userId) @ \($0.lastSeen)" }.joined(separator: ", ")),
            try await report(
                UXKeys.Rage(sid: sid, element: "btn-login"),
                "clicks: \(try await rageClicks(sid, element: "btn-login"))"),
            try await report(
                UXKeys.Heatmap(screen: "Home"), "120_330 = \(try await clicks(screen: "Home", x: 120, y: 330))"),
            try await report(
                UXKeys.Latency(api: "/api/login"),
                "samples: \(latencies.count), newest first: "
                    + latencies.prefix(5).map { "\($0) ms" }.joined(separator: ", ")
                    + (latencies.count > 5 ? ", …" : "")),
            try await report(UXKeys.ExpScore(sid: sid), score.map { "\($0)" } ?? "(expired)"),
            try await report(
                UXKeys.ReplayQueue(),
                "queued: \(queued.count), newest first: " + queued.prefix(5).joined(separator: ", ")),
        ]
    }

    private func report<Key: RedisSchemaKey>(_ key: Key, _ contents: String) async throws -> KeyReport {
        KeyReport(
            key: key.key, pattern: Key.pattern, type: Key.redisType, declaredTTL: Key.ttl,
            remainingTTL: try await key.ttl(on: redis), contents: contents)
    }
}
