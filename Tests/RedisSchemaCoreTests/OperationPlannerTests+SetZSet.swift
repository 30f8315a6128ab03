import Testing

@testable import RedisSchemaCore

/// The plans of set and sorted-set operations: the commands each sends, which ones carry the TTL, and how
/// replies are read.
extension OperationPlannerTests {
    @Test func setWritesOfSeveralMembersCarryTheTTLAndOthersDoNot() throws {
        let set = try plan("  s: {pattern: s, type: set, ttl: 1 hour, member: int}\n")
        #expect(commands(set.operation(.addMembers)) == ["SADD key <members…>", "EXPIRE key 3600s"])
        #expect(set.operation(.addMembers)?.isWrite == true)
        #expect(set.operation(.addMembers)?.reply == .integer)
        #expect(commands(set.operation(.removeMembers)) == ["SREM key <members…>"])
        #expect(set.operation(.removeMembers)?.isWrite == false)
        #expect(commands(set.operation(.containsEach)) == ["SMISMEMBER key <members…>"])
        #expect(set.operation(.containsEach)?.reply == .flags)
        #expect(commands(set.operation(.scan)) == ["SSCAN key <cursor> [COUNT <count>]"])
        #expect(set.operation(.scan)?.reply == .scanPage)
        #expect(set.operation(.addMembers)?.parameters.first?.kind == .members(.type(.int)))
        #expect(set.operation(.rank) == nil, "ranks are for sorted sets")
    }

    @Test func sortedSetWritesCarryTheTTL() throws {
        let zset = try plan("  z: {pattern: z, type: zset, ttl: 1500ms, member: string, score: int}\n")
        #expect(commands(zset.operation(.addMembers)) == ["ZADD key <score member members…>", "PEXPIRE key 1500ms"])
        #expect(
            commands(zset.operation(.incrementScore)) == ["ZINCRBY key <amount> <member>", "PEXPIRE key 1500ms"])
        #expect(zset.operation(.incrementScore)?.isWrite == true)
        #expect(zset.operation(.incrementScore)?.reply == .newScore)
        #expect(zset.operation(.incrementScore)?.parameter(named: "amount")?.kind == .score(.int))
        #expect(commands(zset.operation(.removeMembers)) == ["ZREM key <members…>"])
        #expect(commands(zset.operation(.removeRangeByRank)) == ["ZREMRANGEBYRANK key <start> <stop>"])
        #expect(zset.operations.filter(\.isWrite).map(\.kind) == [.add, .addMembers, .incrementScore])
    }

    @Test func ranksSendOneOfZRANKAndZREVRANKByOrder() throws {
        let zset = try plan("  z: {pattern: z, type: zset, ttl: none}\n")
        let rank = try #require(zset.operation(.rank))
        #expect(commands(rank) == ["ZRANK key <member>", "ZREVRANK key <member>"])
        #expect(
            rank.commands.map(\.condition) == [
                .whenOrder(parameter: "order", isDescending: false), .whenOrder(parameter: "order", isDescending: true),
            ])
        #expect(rank.reply == .rank)
        #expect(commands(zset.operation(.rangeByRank)) == ["ZRANGE key <start> <stop> [REV <order>] WITHSCORES"])
        let byScore = try #require(zset.operation(.rangeByScore))
        #expect(byScore.parameters.map(\.name) == ["minScore", "maxScore", "order", "offset", "count"])
        #expect(byScore.parameter(named: "minScore")?.kind == .optionalScore(.float))
    }
}
