import RedisSchemaCore

extension SwiftKeyEmitter {
    /// The operations only sorted sets have: scores, increments, ranks, reads and removals by rank or score.
    func sortedSetOperations(_ types: SwiftMemberTypes) -> [SwiftDeclaration] {
        let (member, score) = (types.member, types.score)
        let memberParameter = SwiftParameter(label: "_", name: "member", type: member)
        let order = SwiftParameter("order", "RedisSchema.RedisSortOrder", default: ".ascending")
        let scoreOf = SwiftExpression.try(
            .call(
                "RedisSchema.RedisReply.score",
                [
                    "reply", SwiftArgument("as", .atom("\(score).self")), SwiftArgument("key", "self.key"),
                    SwiftArgument("command", commandLiteral(.score)),
                ]))
        var declarations: [SwiftDeclaration] = [
            method(
                "The score of `member` (\(commandName(.score))), or `nil` when it is not in the set.", .score,
                [memberParameter], returns: score + "?", .read([.return(scoreOf)]))
        ]
        declarations.append(
            method(
                "Adds `amount` to the score of `member` (\(commandName(.incrementScore)); a member not in the set "
                    + "starts at 0)\(ttlClause); returns the new score. A negative amount subtracts.",
                discardableResult: true, .incrementScore,
                [memberParameter, SwiftParameter(label: "by", name: "amount", type: score)], returns: score,
                .write([
                    .return(
                        .try(
                            .call(
                                "RedisSchema.RedisReply.newScore",
                                [
                                    "replies[0]", SwiftArgument("as", .atom("\(score).self")),
                                    SwiftArgument("key", "self.key"),
                                    SwiftArgument("command", commandLiteral(.incrementScore)),
                                ])))
                ])))
        declarations.append(rank(memberParameter, order))
        if let pattern = types.pattern {
            // The operations a leaderboard calls with a player's values: increment their score, read their rank.
            let params = types.params.map(\.parameter)
            declarations.append(
                method(
                    "Adds `amount` to the score of the member `\(pattern.source)` (\(commandName(.incrementScore)))"
                        + "\(ttlClause); returns the new score.",
                    discardableResult: true, .incrementScore,
                    params + [SwiftParameter(label: "by", name: "amount", type: score)], returns: score,
                    .delegate(.call("self.increment", [types.memberCall, SwiftArgument("by", "amount")]))))
            declarations.append(
                method(
                    "The rank of the member `\(pattern.source)` in `order` (`ZRANK`, `ZREVRANK`), or `nil` when it is "
                        + "not in the set.",
                    .rank, params + [order], returns: "Swift.Int?",
                    .delegate(
                        .call(
                            "self.rank", [SwiftArgument("of", types.memberCall.value), SwiftArgument("order", "order")])
                    )))
        }
        return declarations + ranges(types, order: order)
    }

    /// `rank(of:order:)`: `ZRANK`, or `ZREVRANK` for a descending rank.
    private func rank(_ memberParameter: SwiftParameter, _ order: SwiftParameter) -> SwiftDeclaration {
        let planned = operation(.rank).commands
        func name(descending: Bool) -> String {
            let command = planned.first { $0.condition == .whenOrder(parameter: "order", isDescending: descending) }
            return SwiftNames.literal(command?.name ?? "")
        }
        let command = SwiftExpression.call(
            "RedisSchema.RedisCommand",
            [
                SwiftArgument(
                    nil, .atom("order == .ascending ? \(name(descending: false)) : \(name(descending: true))")),
                SwiftArgument(nil, "self.key"), SwiftArgument(nil, "member.redisEncoded"),
            ])
        return method(
            "The rank of `member` (`ZRANK`: 0 is the lowest score; `ZREVRANK` for `.descending`: 0 is the highest), "
                + "or `nil` when it is not in the set.",
            .rank, [SwiftParameter(label: "of", name: "member", type: memberParameter.type), order],
            returns: "Swift.Int?",
            .steps(
                setup: [.binding(isMutable: false, name: "command", type: nil, value: command)],
                .array([.call(".command", ["command"])]),
                [
                    .return(
                        .try(
                            .call(
                                "RedisSchema.RedisReply.rank",
                                [
                                    "replies[0]", SwiftArgument("key", "self.key"),
                                    SwiftArgument("command", "command.name"),
                                ])))
                ]))
    }

    /// Reads and removals by rank and by score.
    private func ranges(_ types: SwiftMemberTypes, order: SwiftParameter) -> [SwiftDeclaration] {
        let (member, score) = (types.member, types.score)
        let result = "[(member: \(member), score: \(score))]"
        let decode = { (kind: OperationKind) -> OperationSend in
            .read([
                .return(
                    .try(
                        .call(
                            "RedisSchema.RedisReply.scoredMembers",
                            [
                                "reply", SwiftArgument("member", .atom("\(member).self")),
                                SwiftArgument("score", .atom("\(score).self")), SwiftArgument("key", "self.key"),
                                SwiftArgument("command", commandLiteral(kind)),
                            ])))
            ])
        }
        let scoreRange = [SwiftParameter("minScore", score), SwiftParameter("maxScore", score)]
        let refuseNegative = ["offset", "count"].map { name -> SwiftStatement in
            .if(
                name == "count" ? "let count, count < 0" : "offset < 0",
                then: [invalidArgument("`\(name)` is \\(\(name)), but it cannot be negative")], else: nil)
        }
        return [
            method(
                "Members with their scores, by rank from `start` through `stop` in `order` "
                    + "(`ZRANGE … [REV] WITHSCORES`); negative ranks count from the end. "
                    + "`range(from: 0, through: 9, order: .descending)` is the top ten.",
                .rangeByRank,
                [
                    SwiftParameter(label: "from", name: "start", type: "Swift.Int", default: "0"),
                    SwiftParameter(label: "through", name: "stop", type: "Swift.Int", default: "-1"), order,
                ],
                returns: result, decode(.rangeByRank)),
            method(
                "Members with scores from `minScore` through `maxScore` (`nil`: unbounded) in `order` "
                    + "(`ZRANGE … BYSCORE [REV] [LIMIT offset count] WITHSCORES`): `count` members after skipping "
                    + "`offset`, or all the rest when `count` is `nil`.\n\n"
                    + "- Throws: `RedisSchemaError.invalidArgument` when `offset` or `count` is negative.",
                .rangeByScore,
                [
                    SwiftParameter("minScore", score + "?", default: "nil"),
                    SwiftParameter("maxScore", score + "?", default: "nil"), order,
                    SwiftParameter("offset", "Swift.Int", default: "0"),
                    SwiftParameter("count", "Swift.Int?", default: "nil"),
                ],
                returns: result, prepare: refuseNegative, decode(.rangeByScore)),
            method(
                "Removes the members ranked from `start` through `stop` (\(commandName(.removeRangeByRank))); "
                    + "negative ranks count from the end; returns how many.",
                discardableResult: true, .removeRangeByRank,
                [
                    SwiftParameter(label: "from", name: "start", type: "Swift.Int"),
                    SwiftParameter(label: "through", name: "stop", type: "Swift.Int"),
                ],
                returns: "Swift.Int", .read([.return(readReply("integer", "reply", .removeRangeByRank))])),
            method(
                "Removes the members with scores from `minScore` through `maxScore` "
                    + "(\(commandName(.removeRangeByScore))); returns how many.",
                discardableResult: true, .removeRangeByScore, scoreRange, returns: "Swift.Int",
                .read([.return(readReply("integer", "reply", .removeRangeByScore))])),
        ]
    }
}
