import Foundation
import NIOConcurrencyHelpers
import RedisSchema
import RedisSchemaClient
import Testing

@Suite("RedisConnectionPool against a real redis-server", .enabled(if: TestServers.hasServer, TestServers.skipMessage))
struct PoolTests {
    @Test("100 concurrent tasks: blocking pops wait on their own connections while the other tasks run")
    func blockingPopsDoNotStallOthers() async throws {
        let pool = try await RedisConnectionPool.connect(TestServers.configuration(), size: 8)
        defer { Task { await pool.close() } }
        let prefix = TestServers.uniqueKey("pool")
        let counter = "\(prefix):counter"
        // 10 blocking pops: 7 run at once (size - 1), 3 wait for a connection; 90 ordinary tasks run meanwhile.
        let poppers = 10
        let popsDone = NIOLockedValueBox(0)

        let pops = Task {
            try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<poppers {
                    group.addTask {
                        let reply = try await pool.send("BLPOP", "\(prefix):queue:\(index)", 20)
                        popsDone.withLockedValue { $0 += 1 }
                        return reply.array?.last?.string
                    }
                }
                var values: [String] = []
                for try await value in group {
                    values.append(try #require(value))
                }
                return values.sorted()
            }
        }
        for _ in 0..<200 where pool.blockingInFlight < 7 {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(pool.blockingInFlight == 7)

        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<(100 - poppers) {
                group.addTask {
                    for _ in 0..<10 {
                        _ = try await pool.send("INCR", counter)
                    }
                    #expect(try await pool.send("ECHO", "task-\(task)").string == "task-\(task)")
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(5), "ordinary commands were stalled for \(elapsed)")
        #expect(try await pool.send("GET", counter).string == "900")
        #expect(popsDone.withLockedValue { $0 } == 0, "a pop returned before anything was pushed")
        #expect(pool.blockingInFlight == 7)

        for index in 0..<poppers {
            _ = try await pool.send("RPUSH", "\(prefix):queue:\(index)", "job-\(index)")
        }
        let values = try await pops.value
        #expect(values == (0..<poppers).map { "job-\($0)" }.sorted())
        #expect(pool.blockingInFlight == 0)
        _ = try await pool.send("DEL", counter)
    }

    @Test("spreads ordinary pipelines over its connections and conforms to RedisClientProtocol")
    func spreadsLoad() async throws {
        let pool = try await RedisConnectionPool.connect(TestServers.configuration(), size: 3)
        defer { Task { await pool.close() } }
        let client: any RedisClientProtocol = pool
        var ids: Set<Int64> = []
        for _ in 0..<6 {
            ids.insert(try #require(try await client.send("CLIENT", "ID").int))
        }
        #expect(ids.count == 3)
        await pool.close()
        let error = await expectConnectionError { _ = try await pool.send("PING") }
        #expect(error == .connectionClosedByClient(endpoint: TestServers.configuration().endpoint))
    }
}
