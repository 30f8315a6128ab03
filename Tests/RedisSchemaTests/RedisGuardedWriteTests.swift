import RedisSchema
import Testing

/// How `RedisGuardedWrite` frames commands for the type-guard script and reads its replies. The live suite
/// (RedisSchemaLiveTests) runs the script itself against a real server.
@Suite struct RedisGuardedWriteTests {
    let commands = [RedisCommand("INCRBY", "k", 1), RedisCommand("EXPIRE", "k", 300)]

    @Test func sendsOneEvalshaWithTheKeyTheTypeAndEachCommandCounted() async throws {
        let client = RecordingClient()
        let replies = try await RedisGuardedWrite.execute(commands, key: "k", type: .string, on: client)
        #expect(replies == [.integer(1), .integer(1)])
        #expect(await client.pipelines == [["guard string on k", "INCRBY k 1", "EXPIRE k 300"]])
        let raw = RedisGuardedWrite.scriptSHA1 + " 1 k string 3 INCRBY k 1 3 EXPIRE k 300"
        let recorder = RawRecorder()
        _ = try? await RedisGuardedWrite.execute(commands, key: "k", type: .string, on: recorder)
        #expect(await recorder.sent == ["EVALSHA " + raw])
    }

    @Test func noscriptIsRetriedOnceWithTheSource() async throws {
        let noscript = RESPValue.error(RedisServerError("NOSCRIPT No matching script. Please use EVAL."))
        let recorder = RawRecorder(replies: [[noscript], [.array([.integer(3), .integer(1)])]])
        let replies = try await RedisGuardedWrite.execute(commands, key: "k", type: .string, on: recorder)
        #expect(replies == [.integer(3), .integer(1)])
        let sent = await recorder.sent
        #expect(sent.count == 2)
        #expect(sent.last?.hasPrefix("EVAL " + RedisGuardedWrite.scriptSource + " 1 k string 3 INCRBY") == true)
    }

    @Test func theScriptsWrongTypeErrorBecomesWrongType() async {
        let reply = RESPValue.error(RedisServerError("WRONGTYPE key holds hash, expected string"))
        let client = RecordingClient(replies: [[reply]])
        await #expect(throws: RedisSchemaError.wrongType(key: "k", expected: .string, actual: .hash)) {
            try await RedisGuardedWrite.execute(commands, key: "k", type: .string, on: client)
        }
        let module = RecordingClient(replies: [
            [.error(RedisServerError("WRONGTYPE key holds ReJSON-RL, expected string"))]
        ])
        let error = await #expect(throws: RedisSchemaError.wrongType(key: "k", expected: .string, actual: nil)) {
            try await RedisGuardedWrite.execute(commands, key: "k", type: .string, on: module)
        }
        #expect(error?.description.contains("`k` holds a value of a type outside the core Redis types") == true)
    }

    @Test func aServerWrongTypeIsNotMistakenForTheScripts() async {
        let server = RedisServerError("WRONGTYPE Operation against a key holding the wrong kind of value")
        let client = RecordingClient(replies: [[.error(server)]])
        await #expect(throws: RedisSchemaError.commandFailed(key: "k", command: "EVALSHA", error: server)) {
            try await RedisGuardedWrite.execute(commands, key: "k", type: .string, on: client)
        }
    }

    @Test func aFailedCommandInsideTheScriptIsNamed() async {
        let failed = RedisServerError("ERR value is not an integer or out of range")
        let client = RecordingClient(replies: [[.array([.error(failed)])]])
        await #expect(throws: RedisSchemaError.commandFailed(key: "k", command: "INCRBY", error: failed)) {
            try await RedisGuardedWrite.execute(commands, key: "k", type: .string, on: client)
        }
    }

    @Test func luaBooleansReadAsTheRESP2RepliesTheyStandFor() async throws {
        let client = RecordingClient(replies: [[.array([.boolean(false), .boolean(true)])]])
        let replies = try await RedisGuardedWrite.execute(commands, key: "k", type: .string, on: client)
        #expect(replies == [.null, .integer(1)])
    }

    @Test func aCommandTooLongForLuaIsRefusedBeforeSending() async {
        let client = RecordingClient()
        let huge = RedisCommand("HSET", arguments: ["k"] + Array(repeating: "x", count: 8_000))
        await #expect(throws: RedisSchemaError.self) {
            try await RedisGuardedWrite.execute([huge], key: "k", type: .hash, on: client)
        }
        #expect(await client.pipelines.isEmpty)
    }
}

/// Records every command as its arguments joined by spaces, and answers with scripted replies.
private actor RawRecorder: RedisClientProtocol {
    private(set) var sent: [String] = []
    private var replies: [[RESPValue]]

    init(replies: [[RESPValue]] = []) {
        self.replies = replies
    }

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        sent += commands.map { $0.arguments.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ") }
        if !replies.isEmpty { return replies.removeFirst() }
        return commands.map { _ in .null }
    }
}
