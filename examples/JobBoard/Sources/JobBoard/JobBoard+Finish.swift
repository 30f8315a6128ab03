import Foundation
import RedisSchema

extension JobBoard {
    /// Finishes the job `lease` holds, in one `MULTI`/`EXEC` round trip, so that either all of it happens or
    /// nothing does: the job leaves `jobs:processing` (`LREM jobs:processing 1 <jobId>`), a `finished` event joins
    /// the stream (`XADD`), and the lock is released if the lease still holds it (compare-and-delete).
    ///
    /// Points are not awarded here but by ``scoreFinishedJobs(consumer:pointsPerJob:waitingUpTo:)``, a consumer of
    /// the stream, so the leaderboard can be rebuilt from the events and a slow leaderboard never holds up a worker.
    ///
    /// - Returns: the `finished` event's ID, and whether the lock was still held (`false`: it expired while the
    ///   worker worked, and another worker may have taken the job too).
    public func finishJob(
        _ lease: JobLease, by workerId: String, at now: Date = Date()
    ) async throws -> (eventID: String, heldLock: Bool) {
        let event = JobEvent(.finished, jobId: lease.jobId, workerId: workerId, at: Self.unixSeconds(now))
        let (_, eventID, heldLock) = try await redis.transaction(
            JobKeys.ProcessingJobs().remove(lease.jobId, count: 1),
            JobKeys.JobEvents().add(event.fields),
            locks.releaseOperation(lease))
        return (eventID, heldLock)
    }

    /// Gives up on the job `lease` holds, in one `MULTI`/`EXEC` round trip, as ``finishJob(_:by:at:)`` finishes one:
    /// the job leaves `jobs:processing` (`LREM`), the failure joins `jobs:failed` (`LPUSH` + `LTRIM` + `EXPIRE`), a
    /// `failed` event joins the stream (`XADD`), and the lock is released if the lease still holds it.
    ///
    /// - Returns: the `failed` event's ID, and whether the lock was still held.
    public func failJob(
        _ lease: JobLease, by workerId: String, reason: String, at now: Date = Date()
    ) async throws -> (eventID: String, heldLock: Bool) {
        let at = Self.unixSeconds(now)
        let failure = JobFailure(jobId: lease.jobId, reason: reason, at: at)
        let event = JobEvent(.failed, jobId: lease.jobId, workerId: workerId, at: at)
        let (_, _, eventID, heldLock) = try await redis.transaction(
            JobKeys.ProcessingJobs().remove(lease.jobId, count: 1),
            JobKeys.FailedJobs().push(JSONValue(encoding: failure)),
            JobKeys.JobEvents().add(event.fields),
            locks.releaseOperation(lease))
        return (eventID, heldLock)
    }

    /// The consumer group that turns `finished` events into leaderboard points.
    public static var scoringGroup: String { "leaderboard" }

    /// Reads the next events for the leaderboard's consumer group (as `consumer`, waiting up to `timeout` for
    /// one), then, in one pipelined round trip, awards each `finished` event's worker `pointsPerJob` points for the
    /// event's week (`ZINCRBY`, one per event) and acknowledges every event read (one `XACK`). Other kinds are
    /// acknowledged without points.
    ///
    /// The awards come before the acknowledgement in the pipeline, and Redis runs a pipeline's commands in order,
    /// so a consumer that dies in between leaves the events pending, and whoever claims them
    /// (``EventLog/claimStale(group:for:minIdle:count:)``) awards them again: points are counted at least once,
    /// never lost.
    ///
    /// - Returns: the events handled.
    public func scoreFinishedJobs(
        consumer: String, pointsPerJob: Int = 10, waitingUpTo timeout: Duration
    ) async throws -> [RecordedJobEvent] {
        let group = Self.scoringGroup
        let recorded = try await events.read(group: group, consumer: consumer, waitingUpTo: timeout)
        guard !recorded.isEmpty else { return [] }
        var operations: [RedisOperation<Int>] = []
        for entry in recorded where entry.event.kind == .finished {
            guard let workerId = entry.event.workerId else { continue }
            let week = Leaderboard<Client>.week(containing: Date(timeIntervalSince1970: Double(entry.event.at)))
            operations.append(try leaderboard.awardOperation(pointsPerJob, to: workerId, week: week))
        }
        operations.append(try events.acknowledgeOperation(recorded.map(\.id), group: group))
        _ = try await redis.execute(operations)
        return recorded
    }
}
