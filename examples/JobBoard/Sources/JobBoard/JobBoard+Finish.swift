import Foundation
import RedisSchema

extension JobBoard {
    /// Finishes the job `lease` holds, in one `MULTI`/`EXEC` round trip, so that either all of it happens or
    /// nothing does: the job leaves `jobs:processing` (`LREM`), a `finished` event joins the stream (`XADD`), and
    /// the lock is released if the lease still holds it (compare-and-delete).
    ///
    /// Points are not awarded here but by ``scoreFinishedJobs(consumer:waitingUpTo:)``, a consumer of the stream,
    /// so the leaderboard can be rebuilt from the events and a slow leaderboard never holds up a worker.
    ///
    /// - Returns: the `finished` event's ID, and whether the lock was still held (`false`: it expired while the
    ///   worker worked, and another worker may have taken the job too).
    public func finishJob(
        _ lease: JobLease, by workerId: String, at now: Date = Date()
    ) async throws -> (eventID: String, heldLock: Bool) {
        let event = JobEvent(.finished, jobId: lease.jobId, workerId: workerId, at: Self.unixSeconds(now))
        // NOT IN api-spec-8.md: `remove(_:count:)` (LREM) on lists; see Pending/README.md.
        let (_, eventID, heldLock) = try await redis.transaction(
            JobKeys.ProcessingJobs().remove(lease.jobId, count: 1),
            JobKeys.JobEvents().add(event.fields),
            locks.releaseOperation(lease))
        return (eventID, heldLock)
    }

    /// The consumer group that turns `finished` events into leaderboard points.
    public static var scoringGroup: String { "leaderboard" }

    /// Reads the next `finished` events for the leaderboard's consumer group (as `consumer`), and for each, in one
    /// pipelined round trip, awards its worker `pointsPerJob` points for the event's week (`ZINCRBY`) and
    /// acknowledges it (`XACK`). Other kinds are acknowledged without points.
    ///
    /// The award comes before the acknowledgement, so a consumer that dies between the two leaves the event
    /// pending, and whoever claims it (``EventLog/claimStale(group:for:minIdle:count:)``) awards it again: points
    /// are counted at least once, never lost.
    ///
    /// - Returns: the events handled.
    public func scoreFinishedJobs(
        consumer: String, pointsPerJob: Int = 10, waitingUpTo timeout: Duration
    ) async throws -> [RecordedJobEvent] {
        let group = Self.scoringGroup
        let recorded = try await events.read(group: group, consumer: consumer, waitingUpTo: timeout)
        for entry in recorded {
            guard entry.event.kind == .finished, let workerId = entry.event.workerId else {
                try await events.acknowledge([entry.id], group: group)
                continue
            }
            let week = Leaderboard<Client>.week(containing: Date(timeIntervalSince1970: Double(entry.event.at)))
            _ = try await redis.execute(
                leaderboard.awardOperation(pointsPerJob, to: workerId, week: week),
                events.acknowledgeOperation([entry.id], group: group))
        }
        return recorded
    }
}
