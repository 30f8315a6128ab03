import RedisSchema
import Testing

@testable import RedisSchemaLint

/// The cluster resume token, and the redirect replies a cluster scan follows.
@Suite struct ClusterResumeTokenTests {
    let token = ClusterResumeToken(shards: [
        .init(slots: "0-5460", cursor: "1234", nodeID: "c8f2a21fdb8233243df2f4f667e57335b71d4b4d"),
        .init(slots: "5461-10922,12000", cursor: nil, nodeID: "bd4e11cf"),
        .init(slots: "10923-11999,12001-16383", cursor: "0", nodeID: "934bb856"),
    ])

    @Test func writtenAndReadBack() throws {
        let text = token.description
        #expect(text == "slots:0-5460=1234@c8f2a21f,5461-10922+12000=done,10923-11999+12001-16383=0@934bb856")
        let parsed = try ClusterResumeToken(parsing: text)
        #expect(parsed.shards.map(\.slots) == ["0-5460", "5461-10922,12000", "10923-11999,12001-16383"])
        #expect(parsed.shards.map(\.cursor) == ["1234", nil, "0"])
        #expect(parsed.shards[0].nodeID == "c8f2a21f")
    }

    @Test(arguments: [
        "slots:", "slots:0-5460", "slots:0-5460=", "slots:0-5460=12", "slots:0-5460=x@ab", "slots:a-b=1@ab",
        "slots:0-5460=1@xyz", "slots:0-5460=99999999999999999999@ab", "1234",
    ])
    func malformedTokensAreRefused(text: String) {
        #expect(throws: ClusterResumeTokenError.self) { try ClusterResumeToken(parsing: text) }
    }

    @Test func aTokenMustNameExactlyTheClustersShards() throws {
        let entries = try token.entries(for: ["10923-11999,12001-16383", "0-5460", "5461-10922,12000"])
        #expect(entries.map(\.cursor) == ["0", "1234", nil])
        #expect(throws: ClusterResumeTokenError.self) { try token.entries(for: ["0-5460", "5461-16383"]) }
        let error = ClusterResumeTokenError.topologyChanged(token: ["0-5460"], cluster: ["0-16383"])
        #expect(error.description.contains("resharded since"))
    }

    @Test func redirectRepliesAreRead() {
        #expect(
            Redirect(.error(RedisServerError("MOVED 3999 127.0.0.1:6381")))
                == Redirect(asking: false, host: "127.0.0.1", port: 6381))
        #expect(
            Redirect(.error(RedisServerError("ASK 3999 [::1]:7000"))) == Redirect(asking: true, host: "::1", port: 7000)
        )
        // An empty host means the address the node was reached on; the directory fills it in.
        #expect(Redirect(.error(RedisServerError("MOVED 1 :7000")))?.host == "")
        #expect(Redirect(.error(RedisServerError("WRONGTYPE Operation"))) == nil)
        #expect(Redirect(.bulkString([])) == nil)
    }
}
