import Foundation
import RedisSchema

extension RateLimiter {
    /// Lets `userId` post again at once: takes the counter of the window that contains `now` away (`GETDEL`), and
    /// returns how many posts it had counted (0 when none). For support staff lifting a mistaken limit.
    @discardableResult
    public func reset(userId: String, at now: Date = Date()) async throws -> Int {
        try await JobKeys.PostRate(userId: userId, window: Self.windowNumber(containing: now)).getAndDelete(on: redis)
    }
}
