import RedisSchema

extension OperationPlanner {
    /// A sorted set: adds and increments with the TTL, removes, scores, ranks, reads by rank or by score.
    static func sortedSetOperations(member: MemberSpec, score: ScoreType, writes: Writes) -> [Operation] {
        let scoreRange: [OperationParameter] = [.init("minScore", .score(score)), .init("maxScore", .score(score))]
        let optionalScoreRange: [OperationParameter] = [
            .init("minScore", .optionalScore(score)), .init("maxScore", .optionalScore(score)),
        ]
        let order = OperationParameter("order", .order)
        let rankRange: [OperationParameter] = [
            .init("start", .index(defaultValue: 0)), .init("stop", .index(defaultValue: -1)),
        ]
        let rank = { (command: String, isDescending: Bool) in
            PlannedCommand(
                command, [.key, .parameter("member")],
                condition: .whenOrder(parameter: "order", isDescending: isDescending))
        }
        return [
            Operation(
                .add, parameters: [.init("member", .member(member)), .init("score", .score(score))],
                commands: writes.commands(PlannedCommand("ZADD", [.key, .parameter("score"), .parameter("member")])),
                reply: .flag),
            Operation(
                .addMembers, parameters: [.init("members", .scoredMembers(member, score))],
                commands: writes.commands(PlannedCommand("ZADD", [.key, .scoredPairs("members")])), reply: .integer),
            Operation(
                .incrementScore, parameters: [.init("member", .member(member)), .init("amount", .score(score))],
                commands: writes.commands(
                    PlannedCommand("ZINCRBY", [.key, .parameter("amount"), .parameter("member")])),
                reply: .newScore),
            memberRead(.remove, "ZREM", member, reply: .flag),
            membersRead(.removeMembers, "ZREM", member, reply: .integer),
            Operation(
                .members, commands: [PlannedCommand("ZRANGE", [.key, .integer(0), .integer(-1)])], reply: .array),
            memberRead(.score, "ZSCORE", member, reply: .score),
            Operation(
                .rank, parameters: [.init("member", .member(member)), order],
                commands: [rank("ZRANK", false), rank("ZREVRANK", true)], reply: .rank),
            Operation(
                .rangeByRank, parameters: rankRange + [order],
                commands: [
                    PlannedCommand(
                        "ZRANGE",
                        [
                            .key, .parameter("start"), .parameter("stop"), .reverse(order: "order"),
                            .literal("WITHSCORES"),
                        ])
                ],
                reply: .scoredMembers),
            // `ZRANGE … BYSCORE` rather than `ZRANGEBYSCORE`, deprecated since Redis 6.2.
            Operation(
                .rangeByScore,
                parameters: optionalScoreRange + [order, .init("offset", .offset), .init("count", .count)],
                commands: [
                    PlannedCommand(
                        "ZRANGE",
                        [
                            .key, .scoreBounds(min: "minScore", max: "maxScore", order: "order"), .literal("BYSCORE"),
                            .reverse(order: "order"), .limit(offset: "offset", count: "count"),
                            .literal("WITHSCORES"),
                        ])
                ],
                reply: .scoredMembers),
            Operation(
                .removeRangeByRank, parameters: rankRange,
                commands: [PlannedCommand("ZREMRANGEBYRANK", [.key, .parameter("start"), .parameter("stop")])],
                reply: .integer),
            Operation(
                .removeRangeByScore, parameters: scoreRange,
                commands: [PlannedCommand("ZREMRANGEBYSCORE", [.key, .parameter("minScore"), .parameter("maxScore")])],
                reply: .integer),
            read(.length, "ZCARD", reply: .integer),
        ]
    }
}
