import Foundation
import RedisSchema

/// The job queue: IDs of jobs waiting in `jobs:pending` (posted at the head, taken from the tail, so the oldest
/// goes first), the jobs workers have taken in `jobs:processing`, and the last 50 failures in `jobs:failed`.
///
/// A worker takes a job by moving it from `jobs:pending` to `jobs:processing` in one command (`BLMOVE`), so a
/// job is always in one of the two lists, even when the worker dies right after taking it; a sweeper can put
/// such jobs back. That move, and posting many jobs at once, are in `JobQueue+Take.swift`; finishing a job
/// takes it out of `jobs:processing` again (``JobBoard/finishJob(_:by:at:)``). What is here posts jobs, lists
/// them and records failures.
public struct JobQueue<Client: RedisClientProtocol>: Sendable {
    /// The connection every operation uses.
    public let redis: Client

    public init(redis: Client) {
        self.redis = redis
    }

    /// Queues `jobId` behind every job already waiting (`LPUSH jobs:pending`); returns how many jobs wait now.
    @discardableResult
    public func post(_ jobId: String) async throws -> Int {
        try await JobKeys.PendingJobs().push(jobId, on: redis)
    }

    /// The waiting jobs, oldest (next to be taken) first (`LRANGE jobs:pending 0 -1`, reversed).
    public func waiting() async throws -> [String] {
        try await JobKeys.PendingJobs().range(on: redis).reversed()
    }

    /// How many jobs wait (`LLEN jobs:pending`).
    public func waitingCount() async throws -> Int {
        try await JobKeys.PendingJobs().length(on: redis)
    }

    /// The jobs workers have taken and not finished, most recently taken first (`LRANGE jobs:processing 0 -1`).
    public func inProgress() async throws -> [String] {
        try await JobKeys.ProcessingJobs().range(on: redis)
    }

    /// Records that `jobId` failed: `LPUSH jobs:failed <json>`, `LTRIM … 0 49` and `EXPIRE … 7 days`, in one
    /// atomic call, so the list never holds more than the 50 most recent failures.
    public func recordFailure(_ failure: JobFailure) async throws {
        try await JobKeys.FailedJobs().push(JSONValue(encoding: failure), on: redis)
    }

    /// The most recent failures, newest first (`LRANGE jobs:failed 0 -1`); at most 50.
    ///
    /// - Throws: `DecodingError` for an element that is JSON but not a failure (written by something else).
    public func recentFailures() async throws -> [JobFailure] {
        try await JobKeys.FailedJobs().range(on: redis).map { try $0.decode(JobFailure.self) }
    }
}

/// A job that failed, as `jobs:failed` keeps it: `{"at":…,"jobId":…,"reason":…}`.
public struct JobFailure: Sendable, Hashable, Codable {
    /// The job that failed.
    public var jobId: String
    /// Why, in words a person on call can act on.
    public var reason: String
    /// When, in Unix seconds.
    public var at: Int

    public init(jobId: String, reason: String, at: Int) {
        self.jobId = jobId
        self.reason = reason
        self.at = at
    }
}
