import RedisSchema
import Testing

/// The runtime pieces of set and sorted-set operations that need no server: score bounds, scan pages and the
/// scan sequence's paging (the live tests run them against a real server too).
@Suite struct ScanAndScoreBoundsTests {
    func text(_ arguments: [any RedisArgumentConvertible]) -> [String] {
        arguments.map { String(decoding: $0.redisArgument, as: UTF8.self) }
    }

    @Test func nilBoundsAreInfiniteAndDescendingSwapsThem() {
        #expect(text(RedisScoreBounds.arguments(min: 1, max: 5, order: .ascending)) == ["1", "5"])
        #expect(text(RedisScoreBounds.arguments(min: 1, max: 5, order: .descending)) == ["5", "1"])
        #expect(text(RedisScoreBounds.arguments(min: Int?.none, max: nil, order: .ascending)) == ["-inf", "+inf"])
        #expect(text(RedisScoreBounds.arguments(min: 0.5, max: nil, order: .descending)) == ["+inf", "0.5"])
    }

    @Test func aScanReplyIsACursorAndDecodedMembers() throws {
        let reply = RESPValue.array([.bulkString(Array("17".utf8)), .array([.bulkString(Array("42".utf8))])])
        let page = try RedisReply.scanPage(reply, of: Int.self, key: "k", command: "SSCAN")
        #expect(page.cursor == "17" && page.elements == [42] && !page.isComplete)
        let last = try RedisReply.scanPage(
            .array([.bulkString(Array("0".utf8)), .array([])]), of: Int.self, key: "k", command: "SSCAN")
        #expect(last.isComplete && last.elements.isEmpty)
        #expect(throws: RedisSchemaError.self) {
            try RedisReply.scanPage(.array([.bulkString(Array("x".utf8))]), of: Int.self, key: "k", command: "SSCAN")
        }
    }

    @Test func theSequenceWalksPagesPastEmptyOnesUntilCursorZero() async throws {
        let pages: [String: RedisScanPage<Int>] = [
            "0": .init(cursor: "5", elements: [1, 2]),
            "5": .init(cursor: "9", elements: []),
            "9": .init(cursor: "0", elements: [3]),
        ]
        let asked = Cursors()
        let sequence = RedisScanSequence<Int> { cursor in
            await asked.append(cursor)
            return try #require(pages[cursor])
        }
        var members: [Int] = []
        for try await member in sequence { members.append(member) }
        #expect(members == [1, 2, 3])
        #expect(await asked.cursors == ["0", "5", "9"], "one fetch per page, none after cursor 0")
        var again: [Int] = []
        for try await member in sequence { again.append(member) }
        #expect(again == [1, 2, 3], "each loop starts a new scan")
    }

    @Test func aFailingFetchEndsTheLoopWithItsError() async {
        let sequence = RedisScanSequence<Int> { _ in throw RedisSchemaError.transactionAborted(key: "k") }
        await #expect(throws: RedisSchemaError.transactionAborted(key: "k")) {
            for try await _ in sequence {}
        }
    }
}

private actor Cursors {
    var cursors: [String] = []
    func append(_ cursor: String) { cursors.append(cursor) }
}
