import Foundation
import Testing

/// Connection failures whose generic wording would mislead: a TLS/plain mismatch and a full server
/// are named as what they are.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct ConnectMessagesCLITests {
    let cli = CLITests()

    @Test func tlsToAPlainServerSaysItDoesNotSpeakTLS() throws {
        let result = try cli.run([
            "validate", "--url", "rediss://127.0.0.1:\(TestRedis.port!)/0", "--tls-insecure", "--timeout", "2",
            "--connect-timeout", "2",
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("does not speak TLS"), "\(result.stderr)")
        #expect(!result.stderr.contains("overloaded"))
    }

    @Test(.enabled(if: TestRedis.tlsPort != nil))
    func plainToATLSPortSuggestsRediss() throws {
        let result = try cli.run([
            "validate", "--url", "redis://127.0.0.1:\(TestRedis.tlsPort!)/0", "--timeout", "2", "--connect-timeout",
            "2",
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("rediss://"), "\(result.stderr)")
        #expect(!result.stderr.contains("CLIENT KILL"), "\(result.stderr)")
    }

    /// The server refuses the connection before the handshake is answered; whatever the timing, the
    /// message is the server's, never "not valid RESP".
    @Test func aFullServerIsNamedAsSuch() throws {
        let server = try ThrowawayRedis(["--maxclients", "1"])
        defer { server.stop() }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["redis-cli", "-p", "\(server.port)", "BLPOP", "never", "30"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer {
            holder.terminate()
            holder.waitUntilExit()
        }
        Thread.sleep(forTimeInterval: 0.3)
        for _ in 0..<5 {
            let result = try cli.run(["validate", "--url", "redis://127.0.0.1:\(server.port)/0", "--timeout", "2"])
            #expect(result.status == 3)
            #expect(result.stderr.contains("max number of clients"), "\(result.stderr)")
            #expect(!result.stderr.contains("not valid RESP"), "\(result.stderr)")
        }
    }
}
