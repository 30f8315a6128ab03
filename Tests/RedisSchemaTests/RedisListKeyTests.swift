import RedisSchema
import Testing

/// A list key as generated code declares one, to move elements to.
private struct JobList: RedisListKey {
    typealias Element = String
    static let pattern = "jobs:<name>"
    static let redisType = RedisKeyType.list
    static let ttl = KeyTTL.milliseconds(1500)
    static let maxLength: Int? = 3
    let key: String
}

/// A list key without a cap or a TTL.
private struct PlainList: RedisListKey {
    typealias Element = String
    static let pattern = "plain"
    static let redisType = RedisKeyType.list
    static let ttl = KeyTTL.none
    static let maxLength: Int? = nil
    let key = "plain"
}

/// What a list move sends: the move on its own key, then the destination's cap and TTL guarded on the
/// destination, in one pipeline; and the runtime's small argument types.
@Suite struct RedisListKeyTests {
    let moved = RESPValue.bulkString(Array("job-1".utf8))
    let trimmedAndExpired = RESPValue.array([.simpleString(Array("OK".utf8)), .integer(1)])

    func move(to destination: some RedisListKey<String>, at end: RedisListEnd) throws -> RedisOperation<String?> {
        let command = RedisCommand("LMOVE", "jobs:pending", destination.key, RedisListEnd.head, end)
        return RedisOperation(
            key: "jobs:pending", steps: [.command(command)] + (try destination.capAndTTLSteps(afterArrivalAt: end))
        ) { replies in try String.decode(replies[0], key: "jobs:pending") }
    }

    @Test func theDestinationsCapAndTTLFollowTheMoveOnTheDestination() async throws {
        let client = RecordingClient(replies: [[moved, trimmedAndExpired], [moved, trimmedAndExpired]])
        let destination = JobList(key: "jobs:w1")
        #expect(try await client.execute(move(to: destination, at: .head)) == "job-1")
        #expect(try await client.execute(move(to: destination, at: .tail)) == "job-1")
        #expect(
            await client.pipelines == [
                [
                    "LMOVE jobs:pending jobs:w1 LEFT LEFT", "guard list on jobs:w1", "LTRIM jobs:w1 0 2",
                    "PEXPIRE jobs:w1 1500",
                ],
                [
                    "LMOVE jobs:pending jobs:w1 LEFT RIGHT", "guard list on jobs:w1", "LTRIM jobs:w1 -3 -1",
                    "PEXPIRE jobs:w1 1500",
                ],
            ])
    }

    @Test func aDestinationWithoutCapOrTTLGetsNoSecondStep() async throws {
        #expect(try PlainList().capAndTTLSteps(afterArrivalAt: .head).isEmpty)
        let client = RecordingClient(replies: [[.null]])
        #expect(try await client.execute(move(to: PlainList(), at: .tail)) == nil)
        #expect(await client.pipelines == [["LMOVE jobs:pending plain LEFT RIGHT"]])
    }

    @Test func theGuardsRefusalNamesTheDestination() async throws {
        let refusal = RESPValue.error(RedisServerError("WRONGTYPE key holds hash, expected list"))
        let client = RecordingClient(replies: [[.null, refusal]])
        await #expect(throws: RedisSchemaError.wrongType(key: "jobs:w1", expected: .list, actual: .hash)) {
            try await client.execute(move(to: JobList(key: "jobs:w1"), at: .head))
        }
    }

    @Test func argumentsAreTheWordsRedisTakes() throws {
        #expect(RedisSetCondition.absent.redisArgument == Array("NX".utf8))
        #expect(RedisSetCondition.present.redisArgument == Array("XX".utf8))
        #expect(RedisListEnd.head.redisArgument == Array("LEFT".utf8))
        #expect(RedisListEnd.tail.redisArgument == Array("RIGHT".utf8))
        #expect(try RedisBlockingTimeout.seconds(.milliseconds(250), key: "k") == "0.250")
        #expect(try RedisBlockingTimeout.seconds(.seconds(90), key: "k") == "90.000")
        #expect(throws: RedisSchemaError.self) { try RedisBlockingTimeout.seconds(.milliseconds(-5), key: "k") }
    }

    @Test func aPoppedElementIsTheSecondOfThePairOrNull() throws {
        let pair = RESPValue.array([.bulkString(Array("q".utf8)), moved])
        #expect(try RedisReply.poppedElement(pair, key: "q", command: "BLPOP") == moved)
        #expect(try RedisReply.poppedElement(.null, key: "q", command: "BLPOP") == .null)
        #expect(throws: RedisSchemaError.self) {
            try RedisReply.poppedElement(.array([moved]), key: "q", command: "BLPOP")
        }
    }
}
