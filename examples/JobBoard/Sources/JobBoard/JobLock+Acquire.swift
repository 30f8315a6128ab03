import RedisSchema

/// One acquisition of a job's lock: the job, and the token that proves who took it.
public struct JobLease: Sendable, Hashable {
    /// The locked job.
    public let jobId: String
    /// The random token stored in `lock:job:<jobId>` while this lease holds it.
    public let token: String
}

extension JobLock {
    /// Takes the lock on `jobId` for 30 s if no one holds it: `SET lock:job:<jobId> <token> NX EX 30`, type-guarded.
    ///
    /// - Returns: the lease, or `nil` when another worker holds the lock.
    public func acquire(_ jobId: String) async throws -> JobLease? {
        let lease = JobLease(jobId: jobId, token: Self.makeToken())
        let taken = try await JobKeys.JobLock(jobId: jobId).set(lease.token, if: .absent, on: redis)
        return taken ? lease : nil
    }

    /// Releases `lease`'s lock if it still holds it: the compare-and-delete script `UNLINK`s the key only when it
    /// holds the lease's token, so a worker whose lock expired cannot free the lock another worker took since.
    ///
    /// - Returns: whether the lock was released (`false`: it had expired, and maybe another worker holds it).
    @discardableResult
    public func release(_ lease: JobLease) async throws -> Bool {
        try await redis.execute(releaseOperation(lease))
    }

    /// The token of the worker that holds the lock on `jobId` and how long the lock has left, read together
    /// (`GET` and `PTTL` in one `MULTI`/`EXEC`), or `nil` when the job is free.
    public func holderAndExpiry(of jobId: String) async throws -> (token: String, expiry: KeyExpiry)? {
        guard let held = try await JobKeys.JobLock(jobId: jobId).getWithTTL(on: redis) else { return nil }
        return (held.value, held.expiry)
    }

    /// ``release(_:)`` as an operation, for a batch.
    func releaseOperation(_ lease: JobLease) throws -> RedisOperation<Bool> {
        try JobKeys.JobLock(jobId: lease.jobId).delete(ifEqualTo: lease.token)
    }
}
