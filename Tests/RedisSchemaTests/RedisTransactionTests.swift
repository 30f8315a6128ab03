import RedisSchema
import Testing

@Suite struct RedisTransactionTests {
    let ok = RESPValue.simpleString(Array("OK".utf8))
    let queued = RESPValue.simpleString(Array("QUEUED".utf8))
    let commands = [RedisCommand("INCRBY", "k", 1), RedisCommand("EXPIRE", "k", 300)]

    @Test func wrapsSeveralCommandsInMultiExecInOnePipeline() async throws {
        let client = RecordingClient()
        let replies = try await RedisTransaction.execute(commands, key: "k", on: client)
        #expect(replies == [.integer(1), .integer(1)])
        #expect(await client.pipelines == [["MULTI", "INCRBY k 1", "EXPIRE k 300", "EXEC"]])
    }

    @Test func sendsASingleCommandAsIs() async throws {
        let client = RecordingClient()
        _ = try await RedisTransaction.execute([RedisCommand("SET", "k", "v", "EX", 60)], key: "k", on: client)
        #expect(await client.pipelines == [["SET k v EX 60"]])
    }

    @Test func anErrorInsideExecNamesTheCommand() async {
        let wrongType = RedisServerError("WRONGTYPE Operation against a key holding the wrong kind of value")
        let client = RecordingClient(replies: [[ok, queued, queued, .array([.error(wrongType), .integer(1)])]])
        await #expect(throws: RedisSchemaError.commandFailed(key: "k", command: "INCRBY", error: wrongType)) {
            try await RedisTransaction.execute(commands, key: "k", on: client)
        }
    }

    @Test func aCommandRefusedWhileQueueingIsNamedInsteadOfExecAbort() async {
        let syntax = RedisServerError("ERR syntax error")
        let abort = RedisServerError("EXECABORT Transaction discarded because of previous errors.")
        let client = RecordingClient(replies: [[ok, queued, .error(syntax), .error(abort)]])
        await #expect(throws: RedisSchemaError.commandFailed(key: "k", command: "EXPIRE", error: syntax)) {
            try await RedisTransaction.execute(commands, key: "k", on: client)
        }
    }

    @Test func aNullExecMeansAborted() async {
        let client = RecordingClient(replies: [[ok, queued, queued, .null]])
        await #expect(throws: RedisSchemaError.transactionAborted(key: "k")) {
            try await RedisTransaction.execute(commands, key: "k", on: client)
        }
    }

    @Test func aSingleCommandErrorIsThrown() async {
        let error = RedisServerError("ERR value is not an integer or out of range")
        let client = RecordingClient(replies: [[.error(error)]])
        await #expect(throws: RedisSchemaError.commandFailed(key: "k", command: "INCRBY", error: error)) {
            try await RedisTransaction.execute([commands[0]], key: "k", on: client)
        }
    }
}
