import RedisSchemaCore

extension SwiftKeyEmitter {
    /// A set, or a sorted set when `score` is given. Members that follow a pattern (`user:<userId>`) get a
    /// `Member` type and labelled overloads (`add(userId:score:)`), so only valid members can be written.
    func set(member memberSpec: MemberSpec, score scoreType: ScoreType?) -> [SwiftDeclaration] {
        var members: [SwiftDeclaration] = []
        let member: String
        var pattern: KeyPattern?
        switch memberSpec {
        case .type(let type): member = type.swiftType
        case .pattern(let memberPattern):
            member = "Member"
            pattern = memberPattern
            members.append(memberStruct(memberPattern))
        }
        let isSorted = scoreType != nil
        let score = scoreType == .float ? "Swift.Double" : "Swift.Int"
        let scoreParameters = isSorted ? [SwiftParameter("score", score)] : []
        let memberParameter = SwiftParameter(label: "_", name: "member", type: member)
        let withScore = isSorted ? " with `score`" : ""

        members.append(
            method(
                "Adds `member`\(withScore) (\(commandName(.add)))\(ttlClause); returns whether it is new.",
                discardableResult: true, .add, [memberParameter] + scoreParameters, returns: "Swift.Bool",
                .write([.return(.binary("replies[0]", "==", ".integer(1)"))])))
        if let pattern {
            let params = SwiftParam.make(pattern.placeholders, rename: SwiftNames.memberValueName)
            let memberCall = SwiftArgument(nil, .call("Member", params.map(\.argument)))
            let scoreArgument = isSorted ? [SwiftArgument("score", "score")] : []
            members.append(
                method(
                    "Adds the member `\(pattern.source)`\(withScore) (\(commandName(.add)))\(ttlClause).",
                    discardableResult: true, .add, params.map(\.parameter) + scoreParameters, returns: "Swift.Bool",
                    .delegate(.call("self.add", [memberCall] + scoreArgument))))
            if isSorted {
                members.append(
                    method(
                        "The score of the member `\(pattern.source)` (`ZSCORE`), or `nil` when it is not in the set.",
                        .score, params.map(\.parameter), returns: score + "?",
                        .delegate(.call("self.score", [memberCall]))))
            }
        }
        members.append(
            method(
                "Removes `member` (\(commandName(.remove))); returns whether it was there.", discardableResult: true,
                .remove, [memberParameter], returns: "Swift.Bool", isOne))
        let read = operation(.members).commands[0].name
        members.append(
            method(
                "Every member (`\(read)`\(isSorted ? ", lowest score first" : "")).", .members, [],
                returns: "[\(member)]", .read([.return(decodeArray(of: member, .members))])))
        if isSorted {
            members += sortedReads(member: member, score: score)
        } else {
            members.append(
                method(
                    "Whether `member` is in the set (\(commandName(.contains))).", .contains, [memberParameter],
                    returns: "Swift.Bool", isOne))
        }
        members.append(length())
        return members
    }

    /// A one-command operation whose integer reply 1 means yes.
    private var isOne: OperationSend { .read([.return(.binary("reply", "==", ".integer(1)"))]) }

    private func sortedReads(member: String, score: String) -> [SwiftDeclaration] {
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
        let scoreOf = SwiftExpression.try(
            .call(
                "RedisSchema.RedisReply.score",
                [
                    "reply", SwiftArgument("as", .atom("\(score).self")), SwiftArgument("key", "self.key"),
                    SwiftArgument("command", commandLiteral(.score)),
                ]))
        return [
            method(
                "The score of `member` (\(commandName(.score))), or `nil` when it is not in the set.", .score,
                [SwiftParameter(label: "_", name: "member", type: member)], returns: score + "?",
                .read([.return(scoreOf)])),
            method(
                "Members with their scores, by rank from `start` through `stop` (`ZRANGE … WITHSCORES`).", .rangeByRank,
                [
                    SwiftParameter(label: "from", name: "start", type: "Swift.Int", default: "0"),
                    SwiftParameter(label: "through", name: "stop", type: "Swift.Int", default: "-1"),
                ],
                returns: result, decode(.rangeByRank)),
            method(
                "Members with scores from `minScore` through `maxScore` (`ZRANGE … BYSCORE WITHSCORES`), lowest first.",
                .rangeByScore, scoreRange, returns: result, decode(.rangeByScore)),
            method(
                "Removes the members with scores from `minScore` through `maxScore` "
                    + "(\(commandName(.removeRangeByScore))); returns how many.",
                discardableResult: true, .removeRangeByScore, scoreRange, returns: "Swift.Int",
                .read([.return(readReply("integer", "reply", .removeRangeByScore))])),
        ]
    }

    private func memberStruct(_ pattern: KeyPattern) -> SwiftDeclaration {
        let params = SwiftParam.make(pattern.placeholders, rename: SwiftNames.memberValueName)
        var conditions = ["let values = \(qualifiedName).Member.pattern.parse(rawValue)"]
        for (index, param) in params.enumerated() where param.type != "Swift.String" {
            conditions.append("let value\(index) = \(param.type)(redisEncoded: Swift.Array(values[\(index)].utf8))")
        }
        let parse: [SwiftStatement] =
            [.guard(conditions, else: [.return(.atom("nil"))]), .assignment("self.rawValue", "rawValue")]
            + params.enumerated().map { index, param in
                .assignment(
                    "self.\(param.label)", .atom(param.type == "Swift.String" ? "values[\(index)]" : "value\(index)"))
            }
        let fromBytes: [SwiftStatement] = [
            .guard(["let text = Swift.String(validating: bytes, as: Swift.UTF8.self)"], else: [.return(.atom("nil"))]),
            .expression(.call("self.init", [SwiftArgument("rawValue", "text")])),
        ]
        let members: [SwiftDeclaration] = [
            .group([
                .documented(
                    "The member pattern with the rules of its placeholders.",
                    constant(
                        "pattern", nil,
                        SwiftPatternRendering.declaration(pattern))),
                .property(
                    SwiftProperty(
                        access: access, isStatic: true, name: "redisValueDescription", type: "Swift.String",
                        getter: [.expression(.atom(SwiftNames.literal("a member like `\(pattern.source)`")))])),
            ]),
            .group(
                params.map { .property(SwiftProperty(access: access, name: $0.label, type: $0.type)) }
                    + [
                        .documented(
                            "The member as stored.",
                            .property(SwiftProperty(access: access, name: "rawValue", type: "Swift.String")))
                    ]),
            .documented(
                "The member for these values.\n\n- Throws: `RedisSchemaError.invalidParam` when a value breaks its rule.",
                .function(
                    SwiftFunction(
                        access: access, kind: .initializer, parameters: params.map(\.parameter),
                        throwsClause: "throws(RedisSchema.RedisSchemaError)",
                        body: [
                            .assignment(
                                "self.rawValue",
                                SwiftPatternRendering.render(
                                    pattern: "\(qualifiedName).Member.pattern", values: params.map(\.text)))
                        ] + params.map { .assignment("self.\($0.label)", .atom($0.local)) }))),
            .documented(
                "Parses a stored member; `nil` when it does not follow the pattern.",
                .function(
                    SwiftFunction(
                        access: access, kind: .failableInitializer,
                        parameters: [SwiftParameter("rawValue", "Swift.String")], body: parse))),
            .group([
                .property(
                    SwiftProperty(
                        access: access, name: "description", type: "Swift.String",
                        getter: [.expression("self.rawValue")])),
                .property(
                    SwiftProperty(
                        access: access, name: "redisEncoded", type: "[Swift.UInt8]",
                        getter: [.expression("Swift.Array(self.rawValue.utf8)")])),
            ]),
            .function(
                SwiftFunction(
                    access: access, kind: .failableInitializer,
                    parameters: [SwiftParameter(label: "redisEncoded", name: "bytes", type: "[Swift.UInt8]")],
                    body: fromBytes)),
        ]
        return .documented(
            "A member of the set: `\(pattern.source)`, rendered from validated values.",
            .type(
                SwiftTypeDeclaration(
                    kind: .struct, access: access, name: "Member",
                    conformances: ["RedisSchema.RedisValueCodable", "Swift.Hashable", "Swift.CustomStringConvertible"],
                    members: members)))
    }
}
