extension RedisReply {
    /// The reply of `SMISMEMBER`: whether each member asked about is in the set, in order.
    public static func flags(_ reply: RESPValue, key: String, command: String) throws(RedisSchemaError) -> [Bool] {
        var flags: [Bool] = []
        for value in try array(reply, key: key, command: command) {
            flags.append(try integer(value, key: key, command: command) == 1)
        }
        return flags
    }

    /// The reply of `ZRANK` or `ZREVRANK`: the member's rank, or `nil` when it is not in the set.
    public static func rank(_ reply: RESPValue, key: String, command: String) throws(RedisSchemaError) -> Int? {
        if reply.isNull { return nil }
        return try integer(reply, key: key, command: command)
    }

    /// The reply of `ZINCRBY`: the member's new score, which is never missing.
    public static func newScore<Score: RedisScore>(
        _ reply: RESPValue, as type: Score.Type, key: String, command: String
    ) throws(RedisSchemaError) -> Score {
        guard let score = try score(reply, as: type, key: key, command: command) else {
            throw unexpected(reply, key: key, command: command)
        }
        return score
    }
}
