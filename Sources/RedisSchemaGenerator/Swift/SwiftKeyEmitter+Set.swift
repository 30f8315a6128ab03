import RedisSchemaCore

/// The Swift types of a set's or sorted set's members and scores, and the overloads of members that follow a
/// pattern.
struct SwiftMemberTypes {
    /// `Member` for a member pattern, the value's Swift type otherwise.
    let member: String
    /// The member pattern, when members follow one.
    let pattern: KeyPattern?
    /// The score's Swift type (sorted sets).
    let score: String

    /// The placeholder parameters of the member pattern, for labelled overloads.
    var params: [SwiftParam] {
        pattern.map { SwiftParam.make($0.placeholders, rename: SwiftNames.memberValueName) } ?? []
    }

    /// `Member(userId: userId)`, for an overload that delegates.
    var memberCall: SwiftArgument {
        SwiftArgument(nil, .call("Member", params.map(\.argument)))
    }
}

extension SwiftKeyEmitter {
    /// A set, or a sorted set when `score` is given. Members that follow a pattern (`user:<userId>`) get a
    /// `Member` type and labelled overloads of the operations on one member that read best with them
    /// (`add(userId:score:)`), so only valid members can be written.
    func set(member memberSpec: MemberSpec, score scoreType: ScoreType?) -> [SwiftDeclaration] {
        var members: [SwiftDeclaration] = []
        let types: SwiftMemberTypes
        let score = scoreType == .float ? "Swift.Double" : "Swift.Int"
        switch memberSpec {
        case .type(let type): types = SwiftMemberTypes(member: type.swiftType, pattern: nil, score: score)
        case .pattern(let memberPattern):
            types = SwiftMemberTypes(member: "Member", pattern: memberPattern, score: score)
            members.append(memberStruct(memberPattern))
        }
        let member = types.member
        let isSorted = scoreType != nil
        let scoreParameters = isSorted ? [SwiftParameter("score", score)] : []
        let memberParameter = SwiftParameter(label: "_", name: "member", type: member)
        let withScore = isSorted ? " with `score`" : ""

        members.append(
            method(
                "Adds `member`\(withScore) (\(commandName(.add)))\(ttlClause); returns whether it is new.",
                discardableResult: true, .add, [memberParameter] + scoreParameters, returns: "Swift.Bool",
                .write([.return(.binary("replies[0]", "==", ".integer(1)"))])))
        if let pattern = types.pattern {
            let scoreArgument = isSorted ? [SwiftArgument("score", "score")] : []
            members.append(
                method(
                    "Adds the member `\(pattern.source)`\(withScore) (\(commandName(.add)))\(ttlClause).",
                    discardableResult: true, .add, types.params.map(\.parameter) + scoreParameters,
                    returns: "Swift.Bool", .delegate(.call("self.add", [types.memberCall] + scoreArgument))))
            if isSorted {
                members.append(
                    method(
                        "The score of the member `\(pattern.source)` (`ZSCORE`), or `nil` when it is not in the set.",
                        .score, types.params.map(\.parameter), returns: score + "?",
                        .delegate(.call("self.score", [types.memberCall]))))
            }
        }
        members.append(addMembers(types, isSorted: isSorted))
        members.append(
            method(
                "Removes `member` (\(commandName(.remove))); returns whether it was there.", discardableResult: true,
                .remove, [memberParameter], returns: "Swift.Bool", isOne))
        members.append(
            method(
                "Removes `members` (\(commandName(.removeMembers))); returns how many were there.\n\n"
                    + "- Throws: `RedisSchemaError.invalidArgument` when `members` is empty.",
                discardableResult: true, .removeMembers, [membersParameter(member)], returns: "Swift.Int",
                prepare: [refuseEmptyMembers(.removeMembers)],
                .read([.return(readReply("integer", "reply", .removeMembers))])))
        let read = operation(.members).commands[0].name
        members.append(
            method(
                "Every member (`\(read)`\(isSorted ? ", lowest score first" : "")).", .members, [],
                returns: "[\(member)]", .read([.return(decodeArray(of: member, .members))])))
        if isSorted {
            members += sortedSetOperations(types)
        } else {
            members += setReads(member: member, memberParameter: memberParameter)
        }
        members.append(length())
        return members
    }

    /// `add(contentsOf:)`: `SADD` or `ZADD` of several members, with the TTL.
    private func addMembers(_ types: SwiftMemberTypes, isSorted: Bool) -> SwiftDeclaration {
        let element = isSorted ? "(member: \(types.member), score: \(types.score))" : types.member
        let what = isSorted ? "`members` with their scores" : "`members`"
        return method(
            "Adds \(what) (\(commandName(.addMembers)))\(ttlClause); returns how many were new.\n\n"
                + "- Throws: `RedisSchemaError.invalidArgument` when `members` is empty, or holds more members than one "
                + "guarded write sends (\(isSorted ? "3,997" : "7,995")); write them in parts.",
            discardableResult: true, .addMembers,
            [SwiftParameter(label: "contentsOf", name: "members", type: "[\(element)]")], returns: "Swift.Int",
            prepare: [refuseEmptyMembers(.addMembers)],
            .write([.return(readReply("integer", "replies[0]", .addMembers))]))
    }

    /// Membership and scans, for sets.
    private func setReads(member: String, memberParameter: SwiftParameter) -> [SwiftDeclaration] {
        let page = "RedisSchema.RedisScanPage<\(member)>"
        let refuseCount = SwiftStatement.if(
            "let count, count < 1", then: [invalidArgument("`count` is \\(count), but a scan asks for at least 1")],
            else: nil)
        return [
            method(
                "Whether `member` is in the set (\(commandName(.contains))).", .contains, [memberParameter],
                returns: "Swift.Bool", isOne),
            method(
                "Whether each of `members` is in the set (\(commandName(.containsEach))), in order.\n\n"
                    + "- Throws: `RedisSchemaError.invalidArgument` when `members` is empty.",
                .containsEach, [SwiftParameter(label: "each", name: "members", type: "[\(member)]")],
                returns: "[Swift.Bool]", prepare: [refuseEmptyMembers(.containsEach)],
                .read([.return(readReply("flags", "reply", .containsEach))])),
            method(
                "One page of members from `cursor` (\(commandName(.scan))); start at `\"0\"` and go on with the "
                    + "page's `cursor` until `isComplete`. `count` is a hint of how many members a page holds.\n\n"
                    + "- Throws: `RedisSchemaError.invalidArgument` when `count` is less than 1.",
                .scan,
                [
                    SwiftParameter(label: "from", name: "cursor", type: "Swift.String", default: "\"0\""),
                    SwiftParameter("count", "Swift.Int?", default: "nil"),
                ],
                returns: page, prepare: [refuseCount],
                .read([
                    .return(
                        .try(
                            .call(
                                "RedisSchema.RedisReply.scanPage",
                                [
                                    "reply", SwiftArgument("of", .atom("\(member).self")),
                                    SwiftArgument("key", "self.key"), SwiftArgument("command", commandLiteral(.scan)),
                                ])))
                ])),
            scanMembers(member),
        ]
    }

    /// `scanMembers(count:on:)`: every member, fetched page by page. It sends one `SSCAN` per page, as the loop
    /// asks for them, so it has no unsent twin: a batch sends its operations in one round trip.
    private func scanMembers(_ member: String) -> SwiftDeclaration {
        let fetch = SwiftExpression.tryAwait(
            .call(
                "client.execute",
                [
                    SwiftArgument(
                        nil, .call("self.scan", [SwiftArgument("from", "cursor"), SwiftArgument("count", "count")]))
                ]
            ))
        return .documented(
            "Every member, fetched `count` at a time (`SSCAN`) as the loop asks for them; a set too large for "
                + "`members()` can be walked this way without blocking the server. A member may come twice when "
                + "the set is resized during the scan.\n\nIt sends one command per page, so it has no unsent twin "
                + "for batches.\n\n- Throws: `RedisSchemaError.invalidArgument` when `count` is less than 1.",
            .function(
                SwiftFunction(
                    access: access, kind: .function("scanMembers"),
                    parameters: [SwiftParameter("count", "Swift.Int", default: "100"), clientParameter],
                    throwsClause: "throws", returnType: "RedisSchema.RedisScanSequence<\(member)>",
                    body: [
                        // Checks `count` now, before the loop starts.
                        .expression(.binary("_", "=", .try(.call("self.scan", [SwiftArgument("count", "count")])))),
                        .return(
                            .call(
                                .atom("RedisSchema.RedisScanSequence"), [],
                                closure: SwiftClosure(parameters: "cursor", body: [.return(fetch)]))),
                    ])))
    }

    /// The `[Member]` parameter of operations on several members.
    func membersParameter(_ member: String) -> SwiftParameter {
        SwiftParameter(label: "contentsOf", name: "members", type: "[\(member)]")
    }

    /// Refuses an empty `members`.
    func refuseEmptyMembers(_ kind: OperationKind) -> SwiftStatement {
        refuseEmpty("members", "no members given; \(commandName(kind)) needs at least one")
    }

    /// A one-command operation whose integer reply 1 means yes.
    var isOne: OperationSend { .read([.return(.binary("reply", "==", ".integer(1)"))]) }
}
