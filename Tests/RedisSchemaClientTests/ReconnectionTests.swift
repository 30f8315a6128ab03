import Foundation
import Logging
import RedisSchema
import RedisSchemaClient
import Testing

@Suite("Reconnection against real redis-servers", .enabled(if: TestServers.hasServer, TestServers.skipMessage))
struct ReconnectionTests {
    /// Polls `body` until it succeeds, for at most `limit`: the connection reconnects in the background.
    private func eventually<T>(
        within limit: Duration = .seconds(15), _ body: () async throws -> T
    ) async throws -> T {
        let deadline = ContinuousClock.now + limit
        while true {
            do {
                return try await body()
            } catch  where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    /// Waits until the server shows a command of `client` as running, so that a kill hits it in flight.
    private func waitUntilBlocked(clientID: Int64, on observer: RedisConnection) async throws {
        for _ in 0..<200 {
            let list = try await observer.send("CLIENT", "LIST", "ID", clientID).string ?? ""
            if list.contains("cmd=blpop") { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the BLPOP never showed up in CLIENT LIST")
    }

    @Test(
        "after CLIENT KILL: the command in flight fails, later ones succeed on a new connection with AUTH, name and db",
        .enabled(if: TestServers.hasAuthServers, TestServers.skipAuthMessage)
    )
    func afterClientKill() async throws {
        let name = "reconnect-\(UUID().uuidString.prefix(8))"
        let configuration = RedisConnectionConfiguration(
            port: try #require(TestServers.authPort), password: TestServers.password, database: 7, clientName: name)
        let connection = try await TestServers.connect(configuration)
        let observer = try await TestServers.connect(configuration)
        defer {
            Task {
                await connection.close(); await observer.close()
            }
        }
        let firstID = try #require(try await connection.send("CLIENT", "ID").int)

        let inFlight = Task { try await connection.send("BLPOP", TestServers.uniqueKey("kill"), 20) }
        try await self.waitUntilBlocked(clientID: firstID, on: observer)
        #expect(try await observer.send("CLIENT", "KILL", "ID", firstID) == .integer(1))
        let error = await expectConnectionError { _ = try await inFlight.value }
        #expect(error == .connectionClosed(endpoint: configuration.endpoint))

        // The next command waits for the reconnection instead of failing.
        let secondID = try #require(try await connection.send("CLIENT", "ID").int)
        #expect(secondID != firstID)
        let info = try #require(try await connection.send("CLIENT", "INFO").string)
        #expect(info.contains(" db=7 "), "SELECT was not repeated: \(info)")
        #expect(info.contains(" name=\(name) "), "CLIENT SETNAME was not repeated: \(info)")
        #expect(info.contains(" resp=3"), "HELLO 3 was not repeated: \(info)")
        #expect(try await connection.send("ACL", "WHOAMI").string == "default")
        #expect(connection.isActive)
        #expect(connection.protocolVersion == 3)
    }

    @Test("after a server restart: reconnects with the password to the same database once the server is back")
    func afterServerRestart() async throws {
        try #require(ThrowawayRedisServer.executable != nil, "redis-server is not on PATH")
        let password = "restart-p@ss:\(UUID().uuidString.prefix(6))"
        let server = ThrowawayRedisServer(port: try await freePort(), password: password)
        try await server.start()
        let configuration = RedisConnectionConfiguration(
            port: server.port, password: password, database: 3, clientName: "restart-test", protocolVersion: .resp2)
        let connection = try await TestServers.connect(configuration)
        defer { Task { await connection.close() } }
        _ = try await connection.send("SET", "before", "restart")
        let id = try #require(try await connection.send("CLIENT", "ID").int)

        // A command in flight when the server goes away fails with a connection error.
        var observerConfiguration = configuration
        observerConfiguration.reconnection = .never
        let observer = try await TestServers.connect(observerConfiguration)
        let inFlight = Task { try await connection.send("BLPOP", "queue", 20) }
        try await self.waitUntilBlocked(clientID: id, on: observer)
        try await server.stop()
        let error = await expectConnectionError { _ = try await inFlight.value }
        #expect(error == .connectionClosed(endpoint: configuration.endpoint))

        // While the server is down, commands fail with the reconnection attempt's error.
        let whileDown = await expectConnectionError { _ = try await connection.send("PING") }
        #expect(whileDown == .connectionRefused(endpoint: configuration.endpoint))
        #expect(!connection.isActive)

        try await server.start()
        let pong = try await self.eventually { try await connection.send("PING") }
        #expect(pong.string == "PONG")
        // The restarted server kept nothing; what is written now lands in database 3 of an authenticated,
        // named connection that still speaks the configured protocol.
        #expect(try await connection.send("GET", "before") == .null)
        _ = try await connection.send("SET", "after", "restart")
        let info = try #require(try await connection.send("CLIENT", "INFO").string)
        #expect(info.contains(" db=3 "), "SELECT was not repeated: \(info)")
        #expect(info.contains(" name=restart-test "), "CLIENT SETNAME was not repeated: \(info)")
        #expect(info.contains(" resp=2"))
        let checker = try await TestServers.connect(configuration)
        defer { Task { await checker.close() } }
        #expect(try await checker.send("GET", "after").string == "restart")
        #expect(try await checker.send("SELECT", 0) == .simpleString(Array("OK".utf8)))
        #expect(try await checker.send("EXISTS", "after") == .integer(0))
    }

    @Test("never reconnects after close(), even when close() comes while it is reconnecting")
    func noReconnectAfterClose() async throws {
        let name = "closed-\(UUID().uuidString.prefix(8))"
        var configuration = TestServers.configuration()
        configuration.clientName = name
        let observer = try await TestServers.connect()
        defer { Task { await observer.close() } }
        func clientsNamed() async throws -> Int {
            let list = try #require(try await observer.send("CLIENT", "LIST").string)
            return list.split(separator: "\n").filter { $0.contains(" name=\(name) ") }.count
        }

        let closedWhileUp = try await TestServers.connect(configuration)
        #expect(try await clientsNamed() == 1)
        await closedWhileUp.close()
        let afterClose = await expectConnectionError { _ = try await closedWhileUp.send("PING") }
        #expect(afterClose == .connectionClosedByClient(endpoint: configuration.endpoint))

        // Killed, then closed before the first attempt (150 ms at the earliest) can run.
        configuration.reconnection = .backoff(initialDelay: .milliseconds(300), maximumDelay: .seconds(1))
        let closedWhileDown = try await TestServers.connect(configuration)
        let id = try #require(try await closedWhileDown.send("CLIENT", "ID").int)
        #expect(try await observer.send("CLIENT", "KILL", "ID", id) == .integer(1))
        for _ in 0..<100 where closedWhileDown.isActive {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(!closedWhileDown.isActive, "the drop was not noticed")
        await closedWhileDown.close()
        try await Task.sleep(for: .seconds(1))
        #expect(try await clientsNamed() == 0)
        let error = await expectConnectionError { _ = try await closedWhileDown.send("PING") }
        #expect(error == .connectionClosedByClient(endpoint: configuration.endpoint))
        #expect(!closedWhileDown.isActive)
    }

    @Test("with reconnection off, the connection stays failed after CLIENT KILL")
    func reconnectionOff() async throws {
        var configuration = TestServers.configuration()
        configuration.reconnection = .never
        let connection = try await TestServers.connect(configuration)
        let observer = try await TestServers.connect()
        defer {
            Task {
                await connection.close(); await observer.close()
            }
        }
        let id = try #require(try await connection.send("CLIENT", "ID").int)
        _ = try await observer.send("CLIENT", "KILL", "ID", id)
        try await Task.sleep(for: .milliseconds(300))
        let error = await expectConnectionError { _ = try await connection.send("PING") }
        #expect(error == .connectionClosed(endpoint: configuration.endpoint))
        #expect(!connection.isActive)
    }
}
