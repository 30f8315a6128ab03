/// A sorted-set score type: `Int` for `timestamp` and `int` scores, `Double` for `float`.
public protocol RedisScore: RedisValueCodable {
    /// The score as this type, or `nil` when it does not fit (a fraction for an integer score).
    init?(exactScore: Double)
}

extension Int: RedisScore {
    public init?(exactScore: Double) {
        guard let value = Int(exactly: exactScore) else { return nil }
        self = value
    }
}

extension Double: RedisScore {
    public init?(exactScore: Double) { self = exactScore }
}

extension RedisReply {
    /// A score reply (`ZSCORE`); `nil` when the member is not in the set.
    public static func score<Score: RedisScore>(
        _ reply: RESPValue, as type: Score.Type, key: String, command: String
    ) throws(RedisSchemaError) -> Score? {
        guard let value = try double(reply, key: key, command: command) else { return nil }
        return try exactScore(value, as: type, key: key)
    }

    /// The members and scores of a `WITHSCORES` reply: RESP2 alternates them, RESP3 pairs them.
    public static func scoredMembers<Member: RedisValueCodable, Score: RedisScore>(
        _ reply: RESPValue, member: Member.Type, score: Score.Type, key: String, command: String
    ) throws(RedisSchemaError) -> [(member: Member, score: Score)] {
        let values = try array(reply, key: key, command: command)
        var pairs: [(RESPValue, RESPValue)] = []
        if values.allSatisfy({ $0.array?.count == 2 }) && !values.isEmpty {
            pairs = values.map { ($0.array![0], $0.array![1]) }
        } else {
            guard values.count % 2 == 0 else { throw unexpected(reply, key: key, command: command) }
            pairs = stride(from: 0, to: values.count, by: 2).map { (values[$0], values[$0 + 1]) }
        }
        var result: [(member: Member, score: Score)] = []
        for (memberReply, scoreReply) in pairs {
            let member = try Member.decode(bytes: try bytes(memberReply, key: key, command: command), key: key)
            guard let value = try double(scoreReply, key: key, command: command) else {
                throw unexpected(scoreReply, key: key, command: command)
            }
            result.append((member, try exactScore(value, as: Score.self, key: key)))
        }
        return result
    }

    private static func exactScore<Score: RedisScore>(
        _ value: Double, as type: Score.Type, key: String
    ) throws(RedisSchemaError) -> Score {
        guard let score = Score(exactScore: value) else {
            throw .wrongValueType(key: key, field: "score", expected: Score.redisValueDescription, value: "\(value)")
        }
        return score
    }
}
