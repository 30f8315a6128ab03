import RedisSchema
import Testing

/// The readers of consumer-group replies, on the shapes RESP2 and RESP3 servers send, and the argument checks
/// of the stream operations.
@Suite struct StreamGroupReplyTests {
    func bulk(_ text: String) -> RESPValue { .bulkString(Array(text.utf8)) }

    @Test func aPendingSummaryReadsCountsIDsAndConsumers() throws {
        // RESP2 and RESP3 send the same array; a consumer's count is a bulk string in both.
        let reply = RESPValue.array([
            .integer(3), bulk("1-0"), bulk("3-0"),
            .array([.array([bulk("a"), bulk("2")]), .array([bulk("b"), bulk("1")])]),
        ])
        let summary = try RedisReply.pendingSummary(reply, key: "s", command: "XPENDING")
        #expect(
            summary == RedisPendingSummary(count: 3, smallestID: "1-0", largestID: "3-0", consumers: ["a": 2, "b": 1]))
    }

    @Test func anEmptyPendingSummaryHasNoIDsAndNoConsumers() throws {
        // Nothing pending: RESP2 sends null bulk strings and a null array, RESP3 its null; both read as `.null`.
        let reply = RESPValue.array([.integer(0), .null, .null, .null])
        let summary = try RedisReply.pendingSummary(reply, key: "s", command: "XPENDING")
        #expect(summary == RedisPendingSummary(count: 0, smallestID: nil, largestID: nil, consumers: [:]))
    }

    @Test func aMalformedPendingSummaryNamesTheKeyAndCommand() {
        #expect(throws: RedisSchemaError.unexpectedReply(key: "s", command: "XPENDING", reply: "an array of 2")) {
            try RedisReply.pendingSummary(.array([.integer(0), .null]), key: "s", command: "XPENDING")
        }
    }

    @Test func pendingEntriesReadIdleTimeAndDeliveries() throws {
        let reply = RESPValue.array([
            .array([bulk("1-0"), bulk("a"), .integer(1_500), .integer(1)]),
            .array([bulk("2-0"), bulk("b"), .integer(20), .integer(3)]),
        ])
        #expect(
            try RedisReply.pendingEntries(reply, key: "s", command: "XPENDING") == [
                RedisPendingEntry(id: "1-0", consumer: "a", idle: .milliseconds(1_500), deliveries: 1),
                RedisPendingEntry(id: "2-0", consumer: "b", idle: .milliseconds(20), deliveries: 3),
            ])
        #expect(try RedisReply.pendingEntries(.array([]), key: "s", command: "XPENDING").isEmpty)
        #expect(throws: RedisSchemaError.self) {
            try RedisReply.pendingEntries(.array([.array([bulk("1-0")])]), key: "s", command: "XPENDING")
        }
    }

    @Test func aGroupReadThatTimedOutIsEmptyInBothProtocols() throws {
        // `XREADGROUP … BLOCK` that timed out: RESP2 `*-1`, RESP3 `_`, both `.null`.
        #expect(try RedisReply.streamReadEntries(.null, key: "s", command: "XREADGROUP").isEmpty)
    }

    @Test func groupReadsAreReadFromTheRESP2ArrayAndTheRESP3Map() throws {
        let entries = RESPValue.array([.array([bulk("1-0"), .array([bulk("f"), bulk("v")])])])
        let resp2 = RESPValue.array([.array([bulk("s"), entries])])
        let resp3 = RESPValue.map([bulk("s"), entries])
        for reply in [resp2, resp3] {
            let read = try RedisReply.streamReadEntries(reply, key: "s", command: "XREADGROUP")
            #expect(read.map(\.id) == ["1-0"] && read.map(\.fields) == [["f": Array("v".utf8)]])
        }
    }

    @Test func entriesDeletedSinceTheyWereDeliveredAreLeftOut() throws {
        // `XCLAIM` before Redis 7, and a consumer's history, send a deleted entry with null fields.
        let reply = RESPValue.array([
            .array([bulk("1-0"), .null]), .array([bulk("2-0"), .array([bulk("f"), bulk("v")])]), .null,
        ])
        #expect(try RedisReply.streamEntries(reply, key: "s", command: "XCLAIM").map(\.id) == ["2-0"])
    }

    @Test func blockingWaitsAreWholeMillisecondsRoundedUpAndNeverZero() throws {
        #expect(try RedisBlockingTimeout.milliseconds(.milliseconds(1_500), key: "s") == 1_500)
        #expect(try RedisBlockingTimeout.milliseconds(.seconds(2), key: "s") == 2_000)
        #expect(try RedisBlockingTimeout.milliseconds(.nanoseconds(1), key: "s") == 1)
        #expect(try RedisBlockingTimeout.milliseconds(.microseconds(1_001), key: "s") == 2)
        for refused: Duration in [.zero, .milliseconds(-5), .seconds(Int64.max / 2)] {
            #expect(throws: RedisSchemaError.self, "\(refused)") {
                try RedisBlockingTimeout.milliseconds(refused, key: "s")
            }
        }
    }

    @Test func idleTimesMayBeZeroButNotNegative() throws {
        #expect(try RedisStreamArguments.idleMilliseconds(.zero, key: "s") == 0)
        #expect(try RedisStreamArguments.idleMilliseconds(.milliseconds(60_000), key: "s") == 60_000)
        #expect(throws: RedisSchemaError.self) {
            try RedisStreamArguments.idleMilliseconds(.milliseconds(-1), key: "s")
        }
    }

    @Test func entryIDListsMustNotBeEmpty() throws {
        let stream = try UXKeys.SessionLive(sid: "s")
        _ = try stream.acknowledge(["1-0"], group: "g")
        #expect(
            throws: RedisSchemaError.invalidArgument(key: stream.key, message: "XACK needs at least one entry ID")
        ) { try stream.acknowledge([], group: "g") }
        #expect(
            throws: RedisSchemaError.invalidArgument(key: stream.key, message: "XCLAIM needs at least one entry ID")
        ) { try stream.claim([], group: "g", for: "c", minIdle: .zero) }
    }

    @Test func anOperationMayAnswerARefusalWithAResult() async throws {
        let busy = RedisServerError("BUSYGROUP Consumer Group name already exists")
        let create = try RedisOperation(
            key: "s", guarding: .stream, commands: [RedisCommand("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")]
        ) { _ in true }.answering("BUSYGROUP", with: false)
        // The type-guard script stops at the refused command and answers the replies so far.
        #expect(try await RecordingClient(replies: [[.array([.error(busy)])]]).execute(create) == false)
        #expect(try await RecordingClient().execute(create) == true)
        // Within a batch, the answer stands for that operation alone.
        let batch = RecordingClient(replies: [[.array([.error(busy)]), .array([.simpleString(Array("OK".utf8))])]])
        let (first, second) = try await batch.execute(create, create)
        #expect(first == false && second == true)
        // Other refusals still throw.
        let other = RedisServerError("ERR The XGROUP subcommand requires the key to exist")
        await #expect(throws: RedisSchemaError.commandFailed(key: "s", command: "XGROUP", error: other)) {
            try await RecordingClient(replies: [[.array([.error(other)])]]).execute(create)
        }
    }
}
