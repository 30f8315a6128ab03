import Foundation
import RedisSchema

/// The job board's Redis side: its components on one connection, and the flows that span several of them.
///
/// Every key comes from a type the build plugin generated from this target's `redis-schema.yaml`
/// (`JobKeys.PendingJobs()`, …): no key is spelt by hand, a value that would leave its pattern is refused
/// before anything is sent, and every write carries the schema's rules (TTLs, the failure list's cap of 50,
/// the stream's cap of 10,000, increment-only counters). It works with any ``RedisClientProtocol`` client;
/// `jobboard-demo` uses `RedisSchemaClient`.
public struct JobBoard<Client: RedisClientProtocol>: Sendable {
    /// The connection every component uses.
    public let redis: Client
    /// Posts per user and minute.
    public let rateLimiter: RateLimiter<Client>
    /// Who works on which job.
    public let locks: JobLock<Client>
    /// Points per worker and week.
    public let leaderboard: Leaderboard<Client>
    /// Waiting, taken and failed jobs.
    public let queue: JobQueue<Client>
    /// What happened to each job.
    public let events: EventLog<Client>
    /// Flags per environment.
    public let flags: FeatureFlags<Client>

    /// The board on `redis`, allowing each user `postsPerWindow` posts per minute.
    public init(redis: Client, postsPerWindow: Int = 5) {
        self.redis = redis
        self.rateLimiter = RateLimiter(redis: redis, postsPerWindow: postsPerWindow)
        self.locks = JobLock(redis: redis)
        self.leaderboard = Leaderboard(redis: redis)
        self.queue = JobQueue(redis: redis)
        self.events = EventLog(redis: redis)
        self.flags = FeatureFlags(redis: redis)
    }

    /// Posts a job for `userId`, if the rate limit allows: counts the attempt, then queues `jobId` and records a
    /// `posted` event. A refused post queues nothing.
    public func postJob(
        _ jobId: String = JobBoard.makeJobID(), by userId: String, at now: Date = Date()
    ) async throws -> JobPosting {
        if case .limited(let retryAfter) = try await rateLimiter.attempt(userId: userId, at: now) {
            return .limited(retryAfter: retryAfter)
        }
        let waiting = try await queue.post(jobId)
        let eventID = try await events.record(JobEvent(.posted, jobId: jobId, at: Self.unixSeconds(now)))
        return .posted(jobId: jobId, waiting: waiting, eventID: eventID)
    }

    /// Records that `workerId` gave up on `jobId`: the failure joins `jobs:failed` and a `failed` event the stream.
    /// For a job taken from the queue under a lock, ``failJob(_:by:reason:at:)`` also takes it out of
    /// `jobs:processing` and releases the lock, atomically.
    public func reportFailure(
        of jobId: String, by workerId: String, reason: String, at now: Date = Date()
    ) async throws {
        let at = Self.unixSeconds(now)
        try await queue.recordFailure(JobFailure(jobId: jobId, reason: reason, at: at))
        try await events.record(JobEvent(.failed, jobId: jobId, workerId: workerId, at: at))
    }

    /// A new job ID: random, and free of `:`, so it can name the job's lock.
    public static func makeJobID() -> String {
        "job-" + UUID().uuidString.lowercased()
    }

    /// `date` in whole Unix seconds, as the schema's `timestamp` fields store it.
    static func unixSeconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down))
    }
}

/// What ``JobBoard/postJob(_:by:at:)`` did.
public enum JobPosting: Sendable, Hashable {
    /// The job was queued; `waiting` jobs wait now, and `eventID` is its `posted` event.
    case posted(jobId: String, waiting: Int, eventID: String)
    /// The user has used up this minute's posts; nothing was queued.
    case limited(retryAfter: Duration)
}
