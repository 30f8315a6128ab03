import Foundation
import Testing

/// Adaptive pacing against servers of the tests' own: it reads the server's load with `INFO cpu` and
/// `INFO stats` (read-only, within the documented ACL), yields to other clients, and says in every
/// format how the scan was paced.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct PacingCLITests {
    let live = ValidateCLITests()

    /// A server of its own with `keys` keys, so that no other suite's traffic counts as other clients.
    func server(keys: Int) throws -> ThrowawayRedis {
        let server = try ThrowawayRedis(["--enable-debug-command", "yes"])
        try live.redisCLI(0, ["DEBUG", "POPULATE", "\(keys)", "stray"], port: server.port)
        return server
    }

    func pacing(_ run: CLITests.Run) throws -> [String: Any] {
        let summary = try #require(try live.json(run.stdout)["summary"] as? [String: Any], "\(run.stderr)")
        return try #require(summary["pacing"] as? [String: Any])
    }

    @Test func aloneOnTheServerItSamplesTheLoadAndNeverBacksOff() throws {
        let server = try server(keys: 50000)
        defer { server.stop() }
        let url = "redis://127.0.0.1:\(server.port)/0"
        let run = try live.cli.run(["validate", "--url", url, "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let pacing = try pacing(run)
        #expect(pacing["mode"] as? String == "adaptive")
        #expect(pacing["serverLoadVisible"] as? Bool == true)
        #expect((pacing["samples"] as? Int ?? 0) >= 4, "INFO is sampled every 50 ms")
        // Its own commands are not taken for other clients': no back-off, and full speed after 4 idle samples.
        #expect(pacing["backoffs"] as? Int == 0)
        #expect((pacing["sharedSeconds"] as? Double ?? 99) < 1)
    }

    @Test func besideAnotherClientItStaysOnItsShare() throws {
        let server = try server(keys: 30000)
        defer { server.stop() }
        let load = Process()
        load.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        load.arguments = ["redis-benchmark", "-p", "\(server.port)", "-t", "get", "-n", "100000000", "-c", "2", "-q"]
        load.standardOutput = FileHandle.nullDevice
        load.standardError = FileHandle.nullDevice
        try load.run()
        defer {
            // SIGKILL: a child of the test runner may inherit a signal mask that blocks SIGTERM.
            let kill = Process()
            kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            kill.arguments = ["kill", "-KILL", "\(load.processIdentifier)"]
            try? kill.run()
            kill.waitUntilExit()
            load.waitUntilExit()
        }
        Thread.sleep(forTimeInterval: 0.3)
        let url = "redis://127.0.0.1:\(server.port)/0"
        let run = try live.cli.run(["validate", "--url", url, "--format", "json"])
        let summary = try #require(try live.json(run.stdout)["summary"] as? [String: Any], "\(run.stderr)")
        let pacing = try pacing(run)
        #expect(pacing["mode"] as? String == "adaptive")
        let duration = try #require(summary["durationSeconds"] as? Double)
        let shared = try #require(pacing["sharedSeconds"] as? Double)
        #expect(shared > duration * 0.8, "beside a busy client the scan stays in the shared mode")
        #expect(summary["keysScanned"] as? Int == 30000)
    }

    @Test func withoutInfoItStillScansAndSaysSo() throws {
        let server = try server(keys: 2000)
        defer { server.stop() }
        let user = "noinfo"
        try live.redisCLI(
            0,
            [
                "ACL", "SETUSER", user, "on", ">pw", "~*", "-@all", "+hello", "+auth", "+client|setname", "+select",
                "+ping", "+dbsize", "+scan", "+type", "+pttl",
            ], port: server.port)
        let url = "redis://\(user):pw@127.0.0.1:\(server.port)/0"
        let run = try live.cli.run(["validate", "--url", url, "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let pacing = try pacing(run)
        #expect(pacing["serverLoadVisible"] as? Bool == false)
        let summary = try #require(try live.json(run.stdout)["summary"] as? [String: Any])
        #expect(summary["keysScanned"] as? Int == 2000)
    }

    @Test func theDocumentedACLIsEnoughForAdaptivePacing() throws {
        let server = try server(keys: 5000)
        defer { server.stop() }
        let user = "lint"
        let rules = "-@all +hello +auth +client|setname +select +ping +info +dbsize +scan +type +pttl"
        try live.redisCLI(
            0, ["ACL", "SETUSER", user, "on", ">pw", "~*"] + rules.split(separator: " ").map(String.init),
            port: server.port)
        let url = "redis://\(user):pw@127.0.0.1:\(server.port)/0"
        let run = try live.cli.run(["validate", "--url", url, "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(try pacing(run)["serverLoadVisible"] as? Bool == true)
    }

    @Test func everyFormatSaysHowTheScanWasPaced() throws {
        let server = try server(keys: 1000)
        defer { server.stop() }
        let url = "redis://127.0.0.1:\(server.port)/0"
        let text = try live.cli.run(["validate", "--url", url, "--rate", "max"])
        #expect(text.stdout.contains("pacing"), "\(text.stdout)")
        #expect(text.stdout.contains("full speed"))
        let github = try live.cli.run(["validate", "--url", url, "--format", "github", "--rate", "20000"])
        #expect(github.stdout.contains("pacing fixed, at most 20,000 keys/s"), "\(github.stdout)")
        let sarif = try live.cli.run(["validate", "--url", url, "--format", "sarif"])
        let run = try #require((try live.json(sarif.stdout)["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let properties = try #require(invocation["properties"] as? [String: Any])
        #expect((properties["pacing"] as? [String: Any])?["mode"] as? String == "adaptive")
        let json = try live.cli.run(["validate", "--url", url, "--format", "json", "--rate", "max"])
        #expect(try pacing(json)["mode"] as? String == "max")
    }

    @Test func badRatesAreUsageErrors() throws {
        for rate in ["fast", "0", "nan", "inf", "-3", ""] {
            let run = try live.cli.run(["validate", "--url", "redis://127.0.0.1:1", "--rate", rate])
            #expect(run.status == 2, "--rate \(rate)")
            #expect(run.stderr.contains("--rate takes adaptive"), "\(run.stderr)")
        }
        let count = try live.cli.run(["validate", "--url", "redis://127.0.0.1:1", "--batches-in-flight", "0"])
        #expect(count.status == 2)
        #expect(count.stderr.contains("--batches-in-flight must be at least 1"))
    }
}
