import RedisSchema
import Testing

/// Batches of operations: one round trip whatever their number, typed results in order, and the failing
/// operation named. The live suite (RedisSchemaLiveTests) runs batches against a real server.
@Suite struct BatchTests {
    let rage = try! UXKeys.Rage(sid: "s1", element: "btn")
    let latency = try! UXKeys.Latency(api: "login")

    @Test func aHundredOperationsAreOneRoundTrip() async throws {
        let redis = RecordingClient()
        let counts = try await redis.execute((0..<100).map { _ in try rage.increment(by: 1) })
        #expect(counts == Array(repeating: 1, count: 100))
        let names = await redis.commandNames
        #expect(names.count == 1)
        // The first call of the type guard carries its source, so the server knows it before the others.
        #expect(names.first == ["EVAL"] + Array(repeating: "EVALSHA", count: 99))
        #expect(await redis.pipelines[0].filter { $0 == "guard string on rage:s1:btn" }.count == 100)
    }

    @Test func operationsOfDifferentKindsGiveTypedResultsInOrder() async throws {
        let members = RESPValue.array([.bulkString(Array("user:u1".utf8))])
        let replies: [RESPValue] = [
            .array([.integer(7), .integer(1)]), .array([.integer(3), .bulkString(Array("OK".utf8)), .integer(1)]),
            members,
        ]
        let redis = RecordingClient(replies: [replies])
        let (count, length, users) = try await redis.execute(
            rage.increment(by: 2), latency.push(320), UXKeys.ActiveUsers().members())
        #expect(count == 7)
        #expect(length == 3)
        #expect(users.map(\.userId) == ["u1"])
        #expect(await redis.pipelines.count == 1)
        #expect(
            await redis.pipelines[0] == [
                "guard string on rage:s1:btn", "INCRBY rage:s1:btn 2", "EXPIRE rage:s1:btn 300",
                "guard list on latency:login", "LPUSH latency:login 320", "LTRIM latency:login 0 99",
                "EXPIRE latency:login 604800", "ZRANGE active_users 0 -1",
            ])
    }

    @Test func aTransactionWrapsTheBatchInMultiExec() async throws {
        let redis = RecordingClient()
        let (count, exists) = try await redis.transaction(rage.increment(by: 1), latency.exists())
        #expect(count == 1)
        #expect(exists)
        #expect(await redis.commandNames == [["MULTI", "EVAL", "EXISTS", "EXEC"]])
    }

    @Test func theFailingOperationIsNamedByItsPosition() async throws {
        let wrongType = RESPValue.error(RedisServerError("WRONGTYPE key holds hash, expected list"))
        let redis = RecordingClient(replies: [[.array([.integer(1), .integer(1)]), wrongType, .integer(0)]])
        let error = await #expect(throws: RedisBatchError.self) {
            try await redis.execute(rage.increment(by: 1), latency.push(1), latency.exists())
        }
        #expect(error?.index == 1)
        #expect(error?.key == "latency:login")
        #expect(
            error?.error as? RedisSchemaError == .wrongType(key: "latency:login", expected: .list, actual: .hash))
    }

    @Test func aCommandTheServerRefusesToQueueNamesItsOperation() async throws {
        let refused = RESPValue.error(RedisServerError("ERR unknown command"))
        let redis = RecordingClient(replies: [
            [
                .simpleString(Array("OK".utf8)), .simpleString(Array("QUEUED".utf8)), refused,
                .error(RedisServerError("EXECABORT Transaction discarded because of previous errors.")),
            ]
        ])
        let error = await #expect(throws: RedisBatchError.self) {
            try await redis.transaction(rage.increment(by: 1), latency.length())
        }
        #expect(error?.index == 1)
        guard case .commandFailed(key: "latency:login", command: "LLEN", _)? = error?.error as? RedisSchemaError else {
            Issue.record("expected LLEN to be named, got \(String(describing: error))")
            return
        }
    }

    @Test func aScriptFlushedMidBatchIsSentAgainWithItsSource() async throws {
        let noscript = RESPValue.error(RedisServerError("NOSCRIPT No matching script. Please use EVAL."))
        let redis = RecordingClient(replies: [
            [.array([.integer(1), .integer(1)]), .integer(2), noscript], [.array([.integer(2), .integer(1)])],
        ])
        let (first, length, second) = try await redis.execute(
            rage.increment(by: 1), latency.length(), rage.increment(by: 1))
        #expect([first, length, second] == [1, 2, 2])
        #expect(await redis.commandNames == [["EVAL", "LLEN", "EVALSHA"], ["EVAL"]])
    }

    @Test func argumentsAreCheckedBeforeAnythingIsSent() async {
        let redis = RecordingClient()
        await #expect(throws: RedisSchemaError.self) {
            try await redis.execute(rage.increment(by: 1), rage.increment(by: -1))
        }
        #expect(await redis.pipelines.isEmpty)
    }

    @Test func anEmptyBatchSendsNothing() async throws {
        let redis = RecordingClient()
        let none: [RedisOperation<Int>] = []
        #expect(try await redis.execute(none).isEmpty)
        #expect(try await redis.transaction(none).isEmpty)
        #expect(await redis.pipelines.isEmpty)
    }

    @Test func aLoneOperationCallsTheScriptByItsHash() async throws {
        let redis = RecordingClient()
        _ = try await redis.execute(rage.increment(by: 1))
        _ = try await redis.execute(rage.increment(by: 1), latency.length())
        #expect(await redis.commandNames == [["EVALSHA"], ["EVAL", "LLEN"]])
    }

    @Test func mapGivesOperationsOfDifferentResultsOneTypeForAnArrayBatch() async throws {
        let redis = RecordingClient()
        let operations: [RedisOperation<String>] = [
            try rage.increment(by: 1).map { "count \($0)" },
            latency.exists().map { "exists \($0)" },
        ]
        #expect(try await redis.execute(operations) == ["count 1", "exists true"])
        #expect(await redis.commandNames == [["EVAL", "EXISTS"]])
    }

    @Test func aMappedOperationKeepsTheAnswerThatStandsForARefusal() async throws {
        let busy = RESPValue.error(RedisServerError("BUSYGROUP Consumer Group name already exists"))
        let redis = RecordingClient(replies: [[busy]])
        let create = RedisOperation<Bool>(key: "s", command: RedisCommand("XGROUP", "CREATE", "s", "g", "$")) { _ in
            true
        }
        let mapped = create.answering("BUSYGROUP", with: false).map { $0 ? "created" : "exists" }
        #expect(try await redis.execute(mapped) == "exists")
    }
}
