import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// ``RedisPerKeyPipeline`` on a real server: the connection's own encoding must get exactly the replies
/// the same commands get one by one.
@Suite("Per-key pipelines against a real redis-server", .enabled(if: TestServers.hasServer, TestServers.skipMessage))
struct PerKeyPipelineTests {
    /// Keys of every type, with and without TTLs, binary, empty, long and missing, under a prefix of
    /// their own; the caller deletes them.
    private func makeKeys(on connection: RedisConnection) async throws -> [[UInt8]] {
        let prefix = Array(TestServers.uniqueKey("perkey").utf8)
        let binary = prefix + [0x00, 0xFF, 0x0D, 0x0A, 0x24, 0x2A]
        let long = prefix + [UInt8](repeating: UInt8(ascii: "k"), count: 100_000)
        let keys: [[UInt8]] = [
            prefix + Array(":string".utf8), prefix + Array(":hash".utf8), prefix + Array(":list".utf8),
            prefix + Array(":set".utf8), prefix + Array(":zset".utf8), prefix + Array(":stream".utf8),
            binary, long, prefix + Array(":missing".utf8),
        ]
        let replies = try await connection.pipeline([
            RedisCommand("SET", keys[0], "v", "PX", 600_000),
            RedisCommand("HSET", keys[1], "f", "v"),
            RedisCommand("RPUSH", keys[2], "a"),
            RedisCommand("SADD", keys[3], "a"),
            RedisCommand("ZADD", keys[4], 1, "a"),
            RedisCommand("XADD", keys[5], "*", "f", "v"),
            RedisCommand("SET", binary, "v", "EX", 1000),
            RedisCommand("SET", long, "v"),
        ])
        #expect(replies.allSatisfy { $0.serverError == nil })
        return keys
    }

    @Test("TYPE and PTTL per key get the replies of the same commands one by one, on RESP3 and RESP2")
    func sameRepliesAsCommands() async throws {
        for protocolVersion in [RedisProtocolVersion.resp3, .resp2] {
            let connection = try await TestServers.connect(TestServers.configuration(protocolVersion: protocolVersion))
            defer { Task { await connection.close() } }
            let keys = try await makeKeys(on: connection)
            // The empty key is a key like any other; it does not exist here.
            let pipeline = RedisPerKeyPipeline(names: ["TYPE", "PTTL"], keys: keys + [[]])
            let fast = try await connection.pipeline(pipeline)
            let slow = try await connection.pipeline(pipeline.commands)
            #expect(fast.count == pipeline.count)
            #expect(countdownsFlattened(fast) == countdownsFlattened(slow))
            #expect(
                stride(from: 0, to: fast.count, by: 2).map { fast[$0].string } == [
                    "string", "hash", "list", "set", "zset", "stream", "string", "string", "none", "none",
                ])
            #expect(fast[1].int.map { $0 > 0 && $0 <= 600_000 } == true)
            #expect(fast[3] == .integer(-1))
            #expect(fast[17] == .integer(-2))
            _ = try await connection.pipeline(keys.map { RedisCommand(arguments: [Array("DEL".utf8), $0]) })
        }
    }

    /// Remaining TTLs count down between two pipelines: only whether one is set can be compared.
    private func countdownsFlattened(_ replies: [RESPValue]) -> [RESPValue] {
        replies.map { reply in
            if case .integer(let value) = reply, value > 0 { return .integer(1) }
            return reply
        }
    }

    @Test("interleaved with ordinary pipelines from many tasks, every caller gets its own replies")
    func concurrentWithOrdinaryPipelines() async throws {
        let connection = try await TestServers.connect()
        defer { Task { await connection.close() } }
        let prefix = TestServers.uniqueKey("perkey-many")
        let keys = (0..<3000).map { Array("\(prefix):\($0)".utf8) }
        let set = try await connection.pipeline(keys.map { RedisCommand("SET", $0, "v") })
        #expect(set.count == keys.count)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<20 {
                group.addTask {
                    let slice = Array(keys[(task * 150)..<((task + 1) * 150)])
                    if task % 2 == 0 {
                        let replies = try await connection.pipeline(
                            RedisPerKeyPipeline(names: ["TYPE", "EXISTS", "STRLEN"], keys: slice))
                        #expect(replies.count == slice.count * 3)
                        #expect(
                            replies.enumerated().allSatisfy { index, reply in
                                switch index % 3 {
                                case 0: return reply.string == "string"
                                default: return reply == .integer(1)
                                }
                            })
                    } else {
                        let replies = try await connection.pipeline(slice.map { RedisCommand("GET", $0) })
                        #expect(replies.allSatisfy { $0.string == "v" })
                    }
                }
            }
            try await group.waitForAll()
        }
        _ = try await connection.pipeline(keys.map { RedisCommand("DEL", $0) })
    }

    @Test("through a pool, and an empty per-key pipeline sends nothing")
    func pool() async throws {
        let pool = try await RedisConnectionPool.connect(TestServers.configuration(), size: 2)
        defer { Task { await pool.close() } }
        let key = Array(TestServers.uniqueKey("perkey-pool").utf8)
        _ = try await pool.pipeline([RedisCommand("SET", key, "v")])
        let replies = try await pool.pipeline(RedisPerKeyPipeline(names: ["TYPE", "DEL", "TYPE"], keys: [key]))
        #expect(replies == [.simpleString(Array("string".utf8)), .integer(1), .simpleString(Array("none".utf8))])
        #expect(try await pool.pipeline(RedisPerKeyPipeline(names: ["TYPE"], keys: [])).isEmpty)
    }
}
