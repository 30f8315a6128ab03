/// When a string key's `set(_:if:)` writes: only to a missing key (`NX`), the basis of a lock, or only over
/// an existing one (`XX`), to refresh a value without bringing back one that was deleted or expired.
public enum RedisSetCondition: Sendable, Hashable, RedisArgumentConvertible {
    /// Only when the key does not exist: `SET … NX`.
    case absent
    /// Only when the key exists: `SET … XX`.
    case present

    /// `NX` or `XX`.
    public var redisArgument: [UInt8] {
        switch self {
        case .absent: return Array("NX".utf8)
        case .present: return Array("XX".utf8)
        }
    }
}
