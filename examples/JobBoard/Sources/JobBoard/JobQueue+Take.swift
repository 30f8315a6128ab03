import RedisSchema

extension JobQueue {
    /// Queues several jobs in one command, in order, behind every job already waiting (`LPUSH jobs:pending j1 j2 …`);
    /// returns how many jobs wait now.
    @discardableResult
    public func post(contentsOf jobIds: [String]) async throws -> Int {
        guard !jobIds.isEmpty else { return try await waitingCount() }
        return try await JobKeys.PendingJobs().push(contentsOf: jobIds, on: redis)
    }

    /// Takes the oldest waiting job, waiting up to `timeout` for one to be posted: `BLMOVE jobs:pending
    /// jobs:processing RIGHT LEFT <seconds>`, so the job is in one of the two lists at every moment.
    ///
    /// - Returns: the job, now in `jobs:processing`, or `nil` when none was posted in time.
    public func take(waitingUpTo timeout: Duration) async throws -> String? {
        try await JobKeys.PendingJobs().move(
            from: .tail, to: JobKeys.ProcessingJobs(), at: .head, waitingUpTo: timeout, on: redis)
    }
}
