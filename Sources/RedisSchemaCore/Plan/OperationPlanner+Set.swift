import RedisSchema

extension OperationPlanner {
    /// A set: adds with the TTL, removes, membership, reads.
    static func setOperations(member: MemberSpec, writes: Writes) -> [Operation] {
        return [
            Operation(
                .add, parameters: [.init("member", .member(member))],
                commands: writes.commands(PlannedCommand("SADD", [.key, .parameter("member")])), reply: .flag),
            memberRead(.remove, "SREM", member, reply: .flag),
            read(.members, "SMEMBERS", reply: .array),
            memberRead(.contains, "SISMEMBER", member, reply: .flag),
            read(.length, "SCARD", reply: .integer),
        ]
    }
}
