import RedisSchema

extension OperationPlanner {
    static func sortedSetOperations(member: MemberSpec, score: ScoreType, writes: Writes) -> [Operation] {
        let scoreRange: [OperationParameter] = [.init("minScore", .score(score)), .init("maxScore", .score(score))]
        return [
            Operation(
                .add, parameters: [.init("member", .member(member)), .init("score", .score(score))],
                commands: writes.commands(PlannedCommand("ZADD", [.key, .parameter("score"), .parameter("member")])),
                reply: .flag),
            memberRead(.remove, "ZREM", member, reply: .flag),
            Operation(
                .members, commands: [PlannedCommand("ZRANGE", [.key, .integer(0), .integer(-1)])], reply: .array),
            memberRead(.score, "ZSCORE", member, reply: .score),
            Operation(
                .rangeByRank,
                parameters: [.init("start", .index(defaultValue: 0)), .init("stop", .index(defaultValue: -1))],
                commands: [
                    PlannedCommand("ZRANGE", [.key, .parameter("start"), .parameter("stop"), .literal("WITHSCORES")])
                ],
                reply: .scoredMembers),
            // `ZRANGE … BYSCORE` rather than `ZRANGEBYSCORE`, deprecated since Redis 6.2.
            Operation(
                .rangeByScore, parameters: scoreRange,
                commands: [
                    PlannedCommand(
                        "ZRANGE",
                        [
                            .key, .parameter("minScore"), .parameter("maxScore"), .literal("BYSCORE"),
                            .literal("WITHSCORES"),
                        ])
                ],
                reply: .scoredMembers),
            Operation(
                .removeRangeByScore, parameters: scoreRange,
                commands: [PlannedCommand("ZREMRANGEBYSCORE", [.key, .parameter("minScore"), .parameter("maxScore")])],
                reply: .integer),
            read(.length, "ZCARD", reply: .integer),
        ]
    }
}
