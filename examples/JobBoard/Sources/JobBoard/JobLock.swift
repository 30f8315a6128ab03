import Foundation
import RedisSchema

/// The lock a worker holds on a job while it works on it: `lock:job:<jobId>`, holding a random token, for 30 s.
///
/// A worker takes the lock with `SET … NX` and its own token, and releases it by deleting the key only if it
/// still holds its token, so a worker whose lock expired (it stalled past the TTL and another worker took the
/// job) can never release the lock of the worker that holds it now. The TTL frees the job when a worker dies.
///
/// Taking and releasing (`set(_:if: .absent)` and `delete(ifEqualTo:)`) are in `JobLock+Acquire.swift`. What is
/// here reads the lock.
public struct JobLock<Client: RedisClientProtocol>: Sendable {
    /// The connection every operation uses.
    public let redis: Client

    public init(redis: Client) {
        self.redis = redis
    }

    /// The token of the worker that holds the lock on `jobId` (`GET`), or `nil` when the job is free.
    ///
    /// - Throws: `RedisSchemaError.invalidParam` for a job ID that could not be part of the key.
    public func holder(of jobId: String) async throws -> String? {
        try await JobKeys.JobLock(jobId: jobId).get(on: redis)
    }

    /// How long the lock on `jobId` has left (`PTTL`): `.missing` when the job is free.
    public func expiry(of jobId: String) async throws -> KeyExpiry {
        try await JobKeys.JobLock(jobId: jobId).ttl(on: redis)
    }

    /// A new token for one acquisition: random, so that no other worker, and no earlier acquisition by the
    /// same worker, holds the same one.
    public static func makeToken() -> String {
        UUID().uuidString.lowercased()
    }
}
