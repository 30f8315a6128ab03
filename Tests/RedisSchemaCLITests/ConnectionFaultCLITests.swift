import Foundation
import Testing

/// `validate` when its connection drops mid-scan: killed clients and restarts are survived, a server
/// that stays down ends in a partial report with the cursor to resume from, and SIGTERM stops a run
/// as Ctrl-C does. Each test has a throwaway server of its own, since it kills, stops or restarts it.
/// Serialized: each blocks a thread for seconds while its fault lands, and their timing must hold.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"), .serialized)
struct ConnectionFaultCLITests {
    let cli = CLITests()
    static let keys = 100_000
    /// About 5 s for ``keys``, so that a fault 1.5 s in lands mid-scan.
    static let slow = ["--format", "json", "--rate", "20000", "--count", "500"]

    @discardableResult
    func redis(_ port: Int, _ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["redis-cli", "-p", "\(port)"] + arguments
        let out = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data((input ?? "").utf8))
        try inPipe.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A throwaway server holding ``keys`` stray keys (`stray:<n>`, unknown to schema.yaml), saved so
    /// that a server started again in its directory loads them.
    func populatedServer() throws -> ThrowawayRedis {
        let server = try ThrowawayRedis(["--enable-debug-command", "yes"])
        try redis(server.port, ["DEBUG", "POPULATE", "\(Self.keys)", "stray"])
        try redis(server.port, ["SAVE"])
        return server
    }

    func url(_ server: ThrowawayRedis) -> String { "redis://127.0.0.1:\(server.port)/0" }

    func summary(_ run: CLITests.Run) throws -> [String: Any] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try #require(report["summary"] as? [String: Any], "\(run.stderr)")
    }

    /// Validate's connections in `CLIENT LIST`: id and last command (`scan` or `info` for the SCAN one).
    func validateClients(_ port: Int) throws -> [(id: String, command: String)] {
        try redis(port, ["CLIENT", "LIST"]).split(separator: "\n")
            .filter { $0.contains(" name=redis-schema ") }
            .map { line in
                let fields = Dictionary(
                    line.split(separator: " ").compactMap { field in
                        field.firstIndex(of: "=").map {
                            (String(field[..<$0]), String(field[field.index(after: $0)...]))
                        }
                    }, uniquingKeysWith: { first, _ in first })
                return (fields["id"] ?? "", fields["cmd"] ?? "")
            }
    }

    @Test func clientKillMidScanIsSurvivedWithExactCounts() throws {
        let server = try populatedServer()
        defer { server.stop() }
        let reference = try cli.run(["validate", "--url", url(server), "--format", "json"])
        let expected = try summary(reference)
        #expect(expected["keysScanned"] as? Int == Self.keys)

        let run = try BackgroundRun(["validate", "--url", url(server)] + Self.slow)
        Thread.sleep(forTimeInterval: 1.5)
        let clients = try validateClients(server.port)
        #expect(clients.count == 2, "one SCAN connection, one TYPE/PTTL connection")
        let scanConnection = try #require(clients.first { $0.command == "scan" || $0.command == "info" })
        #expect(try redis(server.port, ["CLIENT", "KILL", "ID", scanConnection.id]).contains("1"))
        let result = run.finish()

        #expect(result.status == reference.status, "\(result.stderr)")
        let got = try summary(result)
        #expect(got["reconnects"] as? Int == 1)
        #expect(got["complete"] as? Bool == true)
        for field in ["keysScanned", "keysChecked", "keysUnknown", "keysExpired", "errors", "warnings"] {
            #expect(got[field] as? Int == expected[field] as? Int, "\(field)")
        }
        #expect(got["partialReasons"] as? [String] == [])
    }

    @Test func aRestartWithinRetryForIsResumedAndSaidToBeInexact() throws {
        let server = try populatedServer()
        defer { server.stop() }
        let run = try BackgroundRun(["validate", "--url", url(server), "--retry-for", "30"] + Self.slow)
        Thread.sleep(forTimeInterval: 1.5)
        server.stop()
        Thread.sleep(forTimeInterval: 1)
        let again = try ThrowawayRedis([], port: server.port, directory: server.directory)
        defer { again.stop() }
        let result = run.finish()

        let got = try summary(result)
        #expect(got["reconnects"] as? Int == 2, "both connections came back: \(result.stderr)")
        #expect(got["resumeCursor"] == nil, "the scan went on to the end")
        #expect((got["keysScanned"] as? Int ?? 0) > Self.keys / 2)
        // A restart re-seeds the server's hash table: where the cursor pointed is no longer where it was.
        #expect(got["partialReasons"] as? [String] == ["server-restarted"])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("restarted mid-scan"))
    }

    /// A server frozen with SIGSTOP: replies time out and reconnection attempts hang, until `--retry-for`
    /// runs out. Once it is thawed (same process, same SCAN order), `--cursor` does exactly the rest.
    @Test func aServerThatStaysDownGivesAPartialReportAndTheCursorToResumeFrom() throws {
        let server = try populatedServer()
        defer { server.stop() }
        let pid = "\(server.process.processIdentifier)"
        let run = try BackgroundRun(
            ["validate", "--url", url(server), "--retry-for", "2", "--timeout", "1", "--connect-timeout", "1"]
                + Self.slow)
        Thread.sleep(forTimeInterval: 1.5)
        try signalServer("-STOP", pid)
        let result = run.finish()
        try signalServer("-CONT", pid)

        #expect(result.status == 3, "\(result.stderr)")
        let first = try summary(result)
        let cursor = try #require(first["resumeCursor"] as? String)
        #expect(first["complete"] as? Bool == false)
        #expect(first["partialReasons"] as? [String] == ["connection-lost"])
        #expect((first["connectionError"] as? String)?.isEmpty == false)
        #expect(result.stderr.contains("--retry-for 2 s"), "\(result.stderr)")
        #expect(result.stderr.contains("resume with: --cursor \(cursor)"))
        let scanned = try #require(first["keysScanned"] as? Int)
        #expect(scanned > 0 && scanned < Self.keys)

        let rest = try cli.run(["validate", "--url", url(server), "--format", "json", "--cursor", cursor])
        #expect(rest.status == 1, "the stray keys: \(rest.stderr)")
        let second = try summary(rest)
        #expect(second["partialReasons"] as? [String] == ["resumed"])
        #expect(second["resumeCursor"] == nil)
        #expect(scanned + (second["keysScanned"] as? Int ?? 0) == Self.keys, "no key skipped, none counted twice")
    }

    /// A server blocked past `--timeout` (`DEBUG SLEEP`): the replies in flight time out, the client drops
    /// the connection, and the batches they belonged to are read again once it is back.
    @Test func aReplyTimeoutIsSurvivedWithExactCounts() throws {
        let server = try populatedServer()
        defer { server.stop() }
        let reference = try summary(try cli.run(["validate", "--url", url(server), "--format", "json"]))
        let run = try BackgroundRun(["validate", "--url", url(server), "--timeout", "0.5"] + Self.slow)
        Thread.sleep(forTimeInterval: 1.5)
        try redis(server.port, ["DEBUG", "SLEEP", "1.5"])
        let result = run.finish()
        #expect(result.status == 1, "the stray keys: \(result.stderr)")
        let got = try summary(result)
        #expect((got["reconnects"] as? Int ?? 0) >= 1)
        #expect(got["complete"] as? Bool == true)
        for field in ["keysScanned", "keysChecked", "keysUnknown", "errors"] {
            #expect(got[field] as? Int == reference[field] as? Int, "\(field)")
        }
    }

    @Test func retryForZeroGivesUpAtTheFirstDropWithATextReport() throws {
        let server = try populatedServer()
        defer { server.stop() }
        let run = try BackgroundRun(
            ["validate", "--url", url(server), "--retry-for", "0", "--rate", "20000", "--count", "500"])
        Thread.sleep(forTimeInterval: 1.5)
        try redis(server.port, [], input: try validateClients(server.port).map { "CLIENT KILL ID \($0.id)\n" }.joined())
        let result = run.finish()
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.contains("partial: the connection was lost"))
        #expect(result.stdout.contains("resume with: --cursor "))
    }

    @Test func sigtermMidScanPrintsThePartialReportAndExits143() throws {
        let server = try populatedServer()
        defer { server.stop() }
        let run = try BackgroundRun(["validate", "--url", url(server)] + Self.slow)
        Thread.sleep(forTimeInterval: 1.5)
        run.process.terminate()
        let result = run.finish()
        #expect(result.status == 143, "\(result.stderr)")
        #expect(result.stderr.contains("terminated (SIGTERM)"))
        let got = try summary(result)
        #expect(got["interrupted"] as? Bool == true)
        let cursor = try #require(got["resumeCursor"] as? String)
        #expect(result.stderr.contains("resume with: --cursor \(cursor)"))
        #expect((got["keysScanned"] as? Int ?? 0) < Self.keys)
    }

    func signalServer(_ signal: String, _ pid: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kill", signal, pid]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
