/// The `min max` arguments of `ZRANGE … BYSCORE`, where generated code takes optional bounds and an order.
public enum RedisScoreBounds {
    /// `min max` for an ascending read, `max min` for a descending one (with `REV`, Redis reads the first
    /// bound as the start of the walk, the highest score); a `nil` bound is unbounded, `-inf` or `+inf`.
    public static func arguments<Score: RedisScore>(
        min: Score?, max: Score?, order: RedisSortOrder
    ) -> [any RedisArgumentConvertible] {
        let low: [UInt8] = min?.redisEncoded ?? Array("-inf".utf8)
        let high: [UInt8] = max?.redisEncoded ?? Array("+inf".utf8)
        switch order {
        case .ascending: return [low, high]
        case .descending: return [high, low]
        }
    }
}
