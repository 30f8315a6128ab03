import Testing

@testable import RedisSchemaCore

/// The write semantics every renderer shows: decided once, in the plan.
@Suite struct OperationPlannerTests {
    func plan(_ key: String) throws -> OperationPlan {
        OperationPlanner.plan(for: try #require(try loadValid("version: 1\nkeys:\n" + key).keys.first))
    }

    /// The commands of an operation, as `NAME arg …` with typed arguments spelled out.
    func commands(_ operation: Operation?) -> [String] {
        (operation?.commands ?? []).map { command in
            ([command.name]
                + command.arguments.map { argument in
                    switch argument {
                    case .key: return "key"
                    case .parameter(let name): return "<\(name)>"
                    case .literal(let text): return text
                    case .integer(let value), .cap(let value): return "\(value)"
                    case .ttlSeconds(let value): return "\(value)s"
                    case .ttlMilliseconds(let value): return "\(value)ms"
                    case .renderedField: return "<field>"
                    case .setFields(let name): return "<\(name)…>"
                    case .unsetFields(let name): return "<nil \(name)…>"
                    case .fieldNames(let name): return "<\(name) names…>"
                    case .optionalOption(let name, let parameter): return "[\(name) <\(parameter)>]"
                    case .each(let name): return "<\(name)…>"
                    case .optionalParameter(let name): return "[<\(name)>]"
                    case .scoredPairs(let name): return "<score member \(name)…>"
                    case .reverse(let order): return "[REV <\(order)>]"
                    case .scoreBounds(let min, let max, let order): return "<\(min) \(max) by \(order)>"
                    case .limit(let offset, let count): return "[LIMIT <\(offset)> <\(count)>]"
                    }
                }).joined(separator: " ")
        }
    }

    @Test func wholeSecondsExpireAndMillisecondsPexpire() throws {
        #expect(TTLPolicy(.milliseconds(3_600_000)) == .seconds(3600))
        #expect(TTLPolicy(.milliseconds(1500)) == .milliseconds(1500))
        #expect(TTLPolicy(.none) == .none)
        let seconds = try plan("  s: {pattern: s, type: set, ttl: 1 hour}\n")
        #expect(commands(seconds.operation(.add)) == ["SADD key <member>", "EXPIRE key 3600s"])
        let milliseconds = try plan("  s: {pattern: s, type: set, ttl: 1500ms}\n")
        #expect(commands(milliseconds.operation(.add)) == ["SADD key <member>", "PEXPIRE key 1500ms"])
        let forever = try plan("  s: {pattern: s, type: set, ttl: none}\n")
        #expect(commands(forever.operation(.add)) == ["SADD key <member>"])
    }

    @Test func stringsSetTheirTTLInTheSameCommand() throws {
        #expect(
            commands(try plan("  s: {pattern: s, type: string, ttl: 30 min}\n").operation(.set)) == [
                "SET key <value> EX 1800s"
            ])
        #expect(
            commands(try plan("  s: {pattern: s, type: string, ttl: 90500ms}\n").operation(.set)) == [
                "SET key <value> PX 90500ms"
            ])
    }

    @Test func countersOnlyIncrementWithINCRBY() throws {
        let counter = try plan("  c: {pattern: c, type: string, ttl: 5 min, value: counter}\n")
        #expect(commands(counter.operation(.increment)) == ["INCRBY key <amount>", "EXPIRE key 300s"])
        #expect(counter.operation(.set) == nil)
        #expect(counter.operations.filter(\.isWrite).map(\.kind) == [.increment])
    }

    @Test func listsAreTrimmedAtTheEndTheyArePushedTo() throws {
        let list = try plan("  l: {pattern: l, type: list, ttl: 7 days, maxLength: 100}\n")
        #expect(list.cap == .listTrim(maxLength: 100))
        #expect(commands(list.operation(.push)) == ["LPUSH key <element>", "LTRIM key 0 99", "EXPIRE key 604800s"])
        #expect(
            commands(list.operation(.append)) == ["RPUSH key <element>", "LTRIM key -100 -1", "EXPIRE key 604800s"])
        let uncapped = try plan("  l: {pattern: l, type: list, ttl: none}\n")
        #expect(commands(uncapped.operation(.push)) == ["LPUSH key <element>"])
    }

    @Test func streamsAreTrimmedApproximatelyUnlessExact() throws {
        let stream = try plan("  s: {pattern: s, type: stream, ttl: 1 day, maxLength: 1000, fields: {a: int}}\n")
        #expect(stream.cap == .streamMaxLength(1000, trimming: .approximate))
        #expect(commands(stream.operation(.addEntry)) == ["XADD key MAXLEN ~ 1000 * <fields…>", "EXPIRE key 86400s"])
        #expect(stream.value.hasTypedFields)
        #expect(commands(stream.operation(.readEntries)) == ["XREAD [COUNT <count>] STREAMS key <id>"])
        let exact = try plan("  s: {pattern: s, type: stream, ttl: none, maxLength: 5, trim: exact}\n")
        #expect(exact.cap == .streamMaxLength(5, trimming: .exact))
        #expect(commands(exact.operation(.addEntry)) == ["XADD key MAXLEN = 5 * <fields…>"])
        let approximate = try plan("  s: {pattern: s, type: stream, ttl: none, maxLength: 5, trim: Approximate}\n")
        #expect(commands(approximate.operation(.addEntry)) == ["XADD key MAXLEN ~ 5 * <fields…>"])
        let uncapped = try plan("  s: {pattern: s, type: stream, ttl: none}\n")
        #expect(uncapped.cap == .none)
        #expect(commands(uncapped.operation(.addEntry)) == ["XADD key * <fields…>"])
    }

    @Test func streamConsumerGroupsOnlyGuardTheWriteThatMayCreateTheKey() throws {
        let stream = try plan("  s: {pattern: s, type: stream, ttl: 1 day, maxLength: 10, fields: {a: int}}\n")
        let create = try #require(stream.operation(.createGroup))
        #expect(commands(create) == ["XGROUP CREATE key <group> <id> MKSTREAM", "EXPIRE key 86400s"])
        #expect(create.isWrite && create.reply == .groupCreated)
        #expect(create.parameter(named: "id")?.kind == .entryID(defaultValue: "$"))
        #expect(
            commands(stream.operation(.readEntriesWaiting)) == [
                "XREAD [COUNT <count>] BLOCK <timeout> STREAMS key <id>"
            ])
        #expect(stream.operation(.readEntriesWaiting)?.parameter(named: "timeout")?.kind == .blockTimeout)
        #expect(
            commands(stream.operation(.readGroupEntries)) == [
                "XREADGROUP GROUP <group> <consumer> [COUNT <count>] [BLOCK <timeout>] STREAMS key >"
            ])
        #expect(commands(stream.operation(.acknowledgeEntries)) == ["XACK key <group> <ids…>"])
        #expect(commands(stream.operation(.pendingSummary)) == ["XPENDING key <group>"])
        #expect(
            commands(stream.operation(.pendingEntries)) == [
                "XPENDING key <group> [IDLE <minIdle>] - + <count> [<consumer>]"
            ])
        #expect(commands(stream.operation(.claimEntries)) == ["XCLAIM key <group> <consumer> <minIdle> <ids…>"])
        // Reading, acknowledging and claiming cannot create the key: sent as they are, without a TTL.
        for kind in [
            OperationKind.readEntriesWaiting, .readGroupEntries, .acknowledgeEntries, .pendingSummary, .pendingEntries,
            .claimEntries,
        ] {
            let operation = try #require(stream.operation(kind))
            #expect(!operation.isWrite && operation.commands.count == 1, "\(kind)")
        }
        #expect(stream.operation(.claimEntries)?.reply == .entries(typed: true))
        let untyped = try plan("  s: {pattern: s, type: stream, ttl: none}\n")
        #expect(commands(untyped.operation(.createGroup)) == ["XGROUP CREATE key <group> <id> MKSTREAM"])
        #expect(untyped.operation(.readGroupEntries)?.reply == .entries(typed: false))
    }

    @Test func hashesDeleteNilOptionalsAndSkipEmptyWrites() throws {
        let hash = try plan("  h: {pattern: h, type: hash, ttl: 1h, fields: {a: int, b?: string}}\n")
        let write = try #require(hash.operation(.setFields))
        #expect(commands(write) == ["HSET key <fields…>", "HDEL key <nil fields…>", "EXPIRE key 3600s"])
        #expect(write.commands.prefix(2).allSatisfy { $0.condition == .whenSpreadIsNotEmpty })
        let required = try plan("  h: {pattern: h, type: hash, ttl: none, fields: {a: int}}\n")
        #expect(required.operation(.setFields)?.commands.map(\.condition) == [.always])
    }

    @Test func fixedFieldsAreReadAndWrittenOneAtATimeWithTheTTL() throws {
        let hash = try plan("  h: {pattern: h, type: hash, ttl: 1h, fields: {a: int, b?: string, c: float}}\n")
        #expect(commands(hash.operation(.getFixedField)) == ["HGET key <field>"])
        #expect(commands(hash.operation(.getFixedFields)) == ["HMGET key <fields names…>"])
        #expect(commands(hash.operation(.setFixedField)) == ["HSET key <field> <value>", "EXPIRE key 3600s"])
        #expect(
            commands(hash.operation(.incrementFixedField(.int))) == [
                "HINCRBY key <field> <amount>", "EXPIRE key 3600s",
            ])
        #expect(
            commands(hash.operation(.incrementFixedField(.float)))
                == ["HINCRBYFLOAT key <field> <amount>", "EXPIRE key 3600s"])
        #expect(commands(hash.operation(.removeFixedField)) == ["HDEL key <field>"])
        #expect(hash.operation(.setFixedField)?.isWrite == true && hash.operation(.removeFixedField)?.isWrite == false)
        // Only what the fields allow: no increment without numeric fields, no remove without optional ones.
        let text = try plan("  h: {pattern: h, type: hash, ttl: none, fields: {a: string}}\n")
        #expect(text.operation(.incrementFixedField(.int)) == nil && text.operation(.removeFixedField) == nil)
        #expect(commands(text.operation(.setFixedField)) == ["HSET key <field> <value>"])
        let untyped = try plan("  h: {pattern: h, type: hash, ttl: none}\n")
        #expect(untyped.operation(.getFixedField) == nil)
    }

    @Test func hashesAndStreamsWithoutTypedFieldsAreUntyped() throws {
        let hash = try plan("  h: {pattern: h, type: hash, ttl: none}\n")
        #expect(!hash.value.hasTypedFields)
        #expect(hash.operation(.setFields)?.parameters.map(\.kind) == [.untypedFields])
        #expect(hash.operation(.getFields)?.reply == .fields(typed: false))
        let stream = try plan("  s: {pattern: s, type: stream, ttl: none, fields: {\"<x>\": int}}\n")
        #expect(!stream.value.hasTypedFields)
        #expect(stream.operation(.addEntry)?.parameters.map(\.kind) == [.untypedFields])
        let patternsOnly = try plan("  h: {pattern: h, type: hash, ttl: none, fields: {\"<x:int>_<y:int>\": int}}\n")
        #expect(patternsOnly.operation(.setFields) == nil)
        #expect(commands(patternsOnly.operation(.incrementField(pattern: 0))) == ["HINCRBY key <field> <amount>"])
    }

    @Test func scoreRangesUseZRANGEBYSCOREsReplacement() throws {
        let zset = try plan("  z: {pattern: z, type: zset, ttl: none}\n")
        #expect(
            commands(zset.operation(.rangeByScore)) == [
                "ZRANGE key <minScore maxScore by order> BYSCORE [REV <order>] [LIMIT <offset> <count>] WITHSCORES"
            ])
        #expect(zset.value == .sortedSet(member: .type(.string), score: .float))
        let everyCommand = zset.operations.flatMap(\.commands).map(\.name)
        #expect(!everyCommand.contains("ZRANGEBYSCORE"))
    }

    @Test func everyWriteOfTheSeedSchemaCarriesItsTTL() throws {
        let schema = try #require(try SchemaLoader.load(contentsOf: TestFiles.seedSchema).schema)
        for plan in OperationPlanner.plans(for: schema) {
            for operation in plan.operations where operation.isWrite {
                let sendsTTL =
                    operation.commands.contains { ["EXPIRE", "PEXPIRE"].contains($0.name) }
                    || operation.commands.contains {
                        $0.arguments.contains(.literal("EX")) || $0.arguments.contains(.literal("PX"))
                    }
                #expect(sendsTTL == (plan.ttl != .none), "\(plan.keyName).\(operation.kind)")
            }
        }
    }

    @Test func conditionalSetsCarryTheTTLInTheSETItself() throws {
        let string = try plan("  s: {pattern: s, type: string, ttl: 90500ms}\n")
        let setIf = try #require(string.operation(.setIf))
        #expect(commands(setIf) == ["SET key <value> <condition> PX 90500ms"], "no EXPIRE after a SET that did not set")
        #expect(setIf.isWrite && setIf.reply == .wasSet)
        #expect(setIf.parameter(named: "condition")?.kind == .setCondition)
        let forever = try plan("  s: {pattern: s, type: string, ttl: none}\n")
        #expect(commands(forever.operation(.setIf)) == ["SET key <value> <condition>"])
    }

    @Test func stringReadsAndTheLocksRelease() throws {
        let string = try plan("  s: {pattern: s, type: string, ttl: 1 hour, value: int}\n")
        #expect(commands(string.operation(.getAndDelete)) == ["GETDEL key"])
        #expect(string.operation(.getAndDelete)?.reply == .value(.int))
        let withTTL = try #require(string.operation(.getWithTTL))
        #expect(commands(withTTL) == ["GET key", "PTTL key"])
        #expect(withTTL.reply == .valueWithExpiry(.int) && !withTTL.isWrite)
        let release = try #require(string.operation(.deleteIfEqual))
        #expect(commands(release) == ["GET key", "UNLINK key"])
        #expect(release.parameter(named: "value")?.kind == .value(.int) && release.reply == .flag)
        #expect(!release.isWrite, "it carries no TTL: it only deletes")

        let counter = try plan("  c: {pattern: c, type: string, ttl: 5 min, value: counter}\n")
        #expect(commands(counter.operation(.getAndDelete)) == ["GETDEL key"])
        #expect(counter.operation(.getAndDelete)?.reply == .counter, "0 when missing")
        #expect(counter.operation(.setIf) == nil && counter.operation(.deleteIfEqual) == nil)
    }

    @Test func pushingSeveralElementsIsOneCommandTrimmedAndWithTheTTL() throws {
        let list = try plan("  l: {pattern: l, type: list, ttl: 1500ms, maxLength: 10, element: int}\n")
        #expect(commands(list.operation(.pushAll)) == ["LPUSH key <elements…>", "LTRIM key 0 9", "PEXPIRE key 1500ms"])
        #expect(
            commands(list.operation(.appendAll)) == ["RPUSH key <elements…>", "LTRIM key -10 -1", "PEXPIRE key 1500ms"])
        #expect(list.operation(.pushAll)?.parameter(named: "elements")?.kind == .values(.int))
        #expect(list.operation(.pushAll)?.isWrite == true)
        let uncapped = try plan("  l: {pattern: l, type: list, ttl: none}\n")
        #expect(commands(uncapped.operation(.appendAll)) == ["RPUSH key <elements…>"])
    }

    @Test func blockingPopsMovesAndTrimsAreSentAsTheyAre() throws {
        let list = try plan("  l: {pattern: l, type: list, ttl: 1 day, maxLength: 5}\n")
        #expect(commands(list.operation(.trim)) == ["LTRIM key <start> <stop>"])
        #expect(commands(list.operation(.popFirstWaiting)) == ["BLPOP key <timeout>"])
        #expect(commands(list.operation(.popLastWaiting)) == ["BRPOP key <timeout>"])
        #expect(list.operation(.popFirstWaiting)?.reply == .poppedElement(.string))
        #expect(list.operation(.popFirstWaiting)?.parameter(named: "timeout")?.kind == .timeoutSeconds)
        #expect(commands(list.operation(.move)) == ["LMOVE key <destination> <end> <destinationEnd>"])
        #expect(commands(list.operation(.moveWaiting)) == ["BLMOVE key <destination> <end> <destinationEnd> <timeout>"])
        #expect(list.operation(.moveWaiting)?.parameter(named: "destination")?.kind == .listKey)
        // None of them can create this key with a TTL: blocking commands cannot run in the type-guard script,
        // and a move's TTL and cap are the destination's, which generated code sends after it.
        for kind in [OperationKind.trim, .popFirstWaiting, .popLastWaiting, .move, .moveWaiting] {
            #expect(list.operation(kind)?.isWrite == false, "\(kind)")
        }
    }
}
