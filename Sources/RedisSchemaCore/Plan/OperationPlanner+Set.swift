import RedisSchema

extension OperationPlanner {
    /// A set: adds with the TTL, removes, membership, reads, scans.
    static func setOperations(member: MemberSpec, writes: Writes) -> [Operation] {
        let members = [OperationParameter("members", .members(member))]
        return [
            Operation(
                .add, parameters: [.init("member", .member(member))],
                commands: writes.commands(PlannedCommand("SADD", [.key, .parameter("member")])), reply: .flag),
            Operation(
                .addMembers, parameters: members,
                commands: writes.commands(PlannedCommand("SADD", [.key, .each("members")])), reply: .integer),
            memberRead(.remove, "SREM", member, reply: .flag),
            membersRead(.removeMembers, "SREM", member, reply: .integer),
            read(.members, "SMEMBERS", reply: .array),
            memberRead(.contains, "SISMEMBER", member, reply: .flag),
            membersRead(.containsEach, "SMISMEMBER", member, reply: .flags),
            Operation(
                .scan, parameters: [.init("cursor", .cursor), .init("count", .count)],
                commands: [
                    PlannedCommand(
                        "SSCAN", [.key, .parameter("cursor"), .optionalOption(name: "COUNT", parameter: "count")])
                ],
                reply: .scanPage),
            read(.length, "SCARD", reply: .integer),
        ]
    }

    /// A command on several members that cannot create the key (`SREM`, `SMISMEMBER`, `ZREM`).
    static func membersRead(
        _ kind: OperationKind, _ command: String, _ member: MemberSpec, reply: ReplyDecoding
    ) -> Operation {
        Operation(
            kind, parameters: [.init("members", .members(member))],
            commands: [PlannedCommand(command, [.key, .each("members")])], reply: reply)
    }
}
