import Foundation
import RedisSchema

/// The Redis side of a UX-analytics backend, on the keys declared in this target's `redis-schema.yaml`.
///
/// Every key comes from a type the build plugin generated from the schema (`UXKeys.Session(sid:)`, …):
/// no key is spelt by hand, a value that would leave its pattern is refused before anything is sent, and
/// each write carries the schema's rules (the TTL, the list's cap of 100, the increment-only counter).
/// The generated types are internal to this module; this type is what the rest of the application sees.
///
/// It works with any ``RedisClientProtocol`` client; `session-analytics` uses `RedisSchemaClient`.
public struct SessionAnalytics<Client: RedisClientProtocol>: Sendable {
    /// The connection every operation uses.
    public let redis: Client

    public init(redis: Client) {
        self.redis = redis
    }

    // MARK: Writes: one per usage example of the seed document

    /// Stores a session's metadata: `HSET session:<sid> …` and `EXPIRE … 3600`, in one transaction.
    public func startSession(_ sid: String, userId: String, device: String, startedAt: Date) async throws {
        let fields = UXKeys.Session.Fields(userId: userId, device: device, startedAt: startedAt)
        try await UXKeys.Session(sid: sid).set(fields, on: redis)
    }

    /// Appends a live event: `XADD session:live:<sid> * type … x … y … ts …` and `EXPIRE … 86400`.
    ///
    /// - Returns: the entry ID Redis assigned.
    @discardableResult
    public func recordEvent(_ sid: String, type: String, x: Int, y: Int, timestamp: Int) async throws -> String {
        try await UXKeys.SessionLive(sid: sid).add(.init(type: type, x: x, y: y, ts: timestamp), on: redis)
    }

    /// Marks a user as online at `timestamp` (Unix seconds): `ZADD active_users <ts> user:<userId>`.
    public func markActive(userId: String, at timestamp: Int) async throws {
        try await UXKeys.ActiveUsers().add(userId: userId, score: timestamp, on: redis)
    }

    /// Counts a click on `element` towards rage detection: `INCRBY rage:<sid>:<element> 1` and `EXPIRE … 300`.
    ///
    /// - Returns: the clicks within the last five minutes of activity.
    @discardableResult
    public func recordRageClick(_ sid: String, element: String) async throws -> Int {
        try await UXKeys.Rage(sid: sid, element: element).increment(on: redis)
    }

    /// Counts a click at a point of a screen: `HINCRBY heatmap:<screen> <x>_<y> 1`.
    ///
    /// - Returns: the clicks at that point so far.
    @discardableResult
    public func recordClick(screen: String, x: Int, y: Int) async throws -> Int {
        try await UXKeys.Heatmap(screen: screen).increment(x: x, y: y, by: 1, on: redis)
    }

    /// Records a response time: `LPUSH latency:<api> <ms>`, `LTRIM … 0 99` and `EXPIRE … 604800`.
    public func recordLatency(api: String, milliseconds: Int) async throws {
        try await UXKeys.Latency(api: api).push(milliseconds, on: redis)
    }

    /// Caches a session's experience score: `SET exp_score:<sid> <score> EX 1800`.
    public func cacheExperienceScore(_ sid: String, score: Double) async throws {
        try await UXKeys.ExpScore(sid: sid).set(score, on: redis)
    }

    /// Queues a replay chunk for processing: `LPUSH replay_queue <chunk>`; workers take the oldest with
    /// ``nextReplayChunk()``.
    public func enqueueReplayChunk(_ chunk: String) async throws {
        try await UXKeys.ReplayQueue().push(chunk, on: redis)
    }

    // MARK: Reads

    /// A session's metadata (`HGETALL`), or `nil` once it has expired.
    public func session(_ sid: String) async throws -> SessionState? {
        guard let fields = try await UXKeys.Session(sid: sid).get(on: redis) else { return nil }
        return SessionState(userId: fields.userId, device: fields.device, startedAt: fields.startedAt)
    }

    /// A session's live events, oldest first (`XRANGE - +`).
    public func events(_ sid: String) async throws -> [SessionEvent] {
        try await UXKeys.SessionLive(sid: sid).range(on: redis).map {
            SessionEvent(
                id: $0.id, type: $0.fields.type, x: $0.fields.x, y: $0.fields.y, timestamp: $0.fields.ts)
        }
    }

    /// The users seen at or after `timestamp`, least recent first (`ZRANGE … BYSCORE WITHSCORES`).
    public func activeUsers(since timestamp: Int) async throws -> [ActiveUser] {
        try await UXKeys.ActiveUsers().range(minScore: timestamp, maxScore: Int.max, on: redis).map {
            ActiveUser(userId: $0.member.userId, lastSeen: $0.score)
        }
    }

    /// The clicks on `element` in the current rage window (`GET`); 0 once the window has expired.
    public func rageClicks(_ sid: String, element: String) async throws -> Int {
        try await UXKeys.Rage(sid: sid, element: element).get(on: redis)
    }

    /// The clicks at a point of a screen (`HGET`).
    public func clicks(screen: String, x: Int, y: Int) async throws -> Int {
        try await UXKeys.Heatmap(screen: screen).get(x: x, y: y, on: redis) ?? 0
    }

    /// The most recent response times of `api`, newest first (`LRANGE`); at most 100 are kept.
    public func recentLatencies(api: String) async throws -> [Int] {
        try await UXKeys.Latency(api: api).range(on: redis)
    }

    /// A session's cached experience score (`GET`), or `nil` when it has expired.
    public func experienceScore(_ sid: String) async throws -> Double? {
        try await UXKeys.ExpScore(sid: sid).get(on: redis)
    }

    /// Takes the oldest queued replay chunk (`RPOP`), or `nil` when the queue is empty.
    public func nextReplayChunk() async throws -> String? {
        try await UXKeys.ReplayQueue().popLast(on: redis)
    }

    /// The number of queued replay chunks (`LLEN`).
    public func replayQueueLength() async throws -> Int {
        try await UXKeys.ReplayQueue().length(on: redis)
    }
}

/// A session's metadata, as stored in `session:<sid>`.
public struct SessionState: Sendable, Hashable {
    public var userId: String
    public var device: String
    public var startedAt: Date

    public init(userId: String, device: String, startedAt: Date) {
        self.userId = userId
        self.device = device
        self.startedAt = startedAt
    }
}

/// One entry of `session:live:<sid>`.
public struct SessionEvent: Sendable, Hashable {
    /// The stream entry ID, e.g. `1765534920000-0`.
    public var id: String
    public var type: String
    public var x: Int
    public var y: Int
    /// Unix seconds.
    public var timestamp: Int
}

/// A member of `active_users`.
public struct ActiveUser: Sendable, Hashable {
    public var userId: String
    /// Unix seconds of the user's last ping.
    public var lastSeen: Int
}
