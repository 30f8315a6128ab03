import Foundation
import Testing

/// The servers scripts/test starts, from its environment.
enum TestRedis {
    static let environment = ProcessInfo.processInfo.environment
    static let port = environment["REDIS_SCHEMA_TEST_PORT"].flatMap(Int.init)
    static let authPort = environment["REDIS_SCHEMA_TEST_AUTH_PORT"].flatMap(Int.init)
    static let password = environment["REDIS_SCHEMA_TEST_PASSWORD"]
    static let tlsPort = environment["REDIS_SCHEMA_TEST_TLS_PORT"].flatMap(Int.init)
    static let tlsDirectory = environment["REDIS_SCHEMA_TEST_TLS_DIR"]
}

/// `redis-schema validate` end to end: the binary against real redis-servers started by scripts/test.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct ValidateCLITests {
    static let port = TestRedis.port
    static let authPort = TestRedis.authPort
    static let password = TestRedis.password
    static let tlsPort = TestRedis.tlsPort
    static let tlsDirectory = TestRedis.tlsDirectory

    let cli = CLITests()

    static func url(_ database: Int) -> String { "redis://127.0.0.1:\(port!)/\(database)" }

    /// Runs redis-cli against the main server's `database`, for setting up keys and users.
    @discardableResult
    func redisCLI(_ database: Int, _ arguments: [String], port: Int? = Self.port) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["redis-cli", "-p", "\(port!)", "-n", "\(database)"] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func seedViolations(_ database: Int) throws {
        try redisCLI(database, ["FLUSHDB"])
        try redisCLI(database, ["HSET", "session:1", "userId", "u"])
        try redisCLI(database, ["EXPIRE", "session:1", "3600"])
        try redisCLI(database, ["SET", "session:2", "x", "EX", "3600"])
        try redisCLI(database, ["SET", "rage:1:btn", "3"])
        try redisCLI(database, ["SET", "tmp:foo:1", "x"])
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func cleanKeyspaceExits0() throws {
        try redisCLI(20, ["FLUSHDB"])
        try redisCLI(20, ["SET", "exp_score:1", "78", "EX", "1800"])
        let result = try cli.run(["validate", "--url", Self.url(20), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["keysScanned"] as? Int == 1)
        #expect(summary["errors"] as? Int == 0)
    }

    /// Names Swift cannot use and streams without fields concern only generated code: `validate` lints such a
    /// schema's keyspace like any other.
    @Test func aSchemaSwiftFindsAwkwardIsValidated() throws {
        let schema = try cli.temporaryFile(
            "version: 1\nkeys:\n  type: {pattern: \"type:<Type>\", type: string, ttl: none}\n"
                + "  _1st: {pattern: log, type: stream, ttl: none}\n")
        // Database 32 is this test's own: the password test below empties 31 while it runs.
        try redisCLI(32, ["FLUSHDB"])
        try redisCLI(32, ["SET", "type:a", "x"])
        try redisCLI(32, ["XADD", "log", "*", "any", "field"])
        let result = try cli.run(["validate", "--schema", schema.path, "--url", Self.url(32), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"))
        let summary = try #require(try json(result.stdout)["summary"] as? [String: Any])
        #expect(summary["keysScanned"] as? Int == 2)
        #expect(summary["errors"] as? Int == 0)
    }

    @Test func violationsExit1WithTheDocumentedJSON() throws {
        try seedViolations(21)
        let result = try cli.run(["validate", "--url", Self.url(21), "--format", "json"])
        #expect(result.status == 1)
        let report = try json(result.stdout)
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["keysScanned"] as? Int == 4)
        #expect(summary["errors"] as? Int == 3)
        let patterns = try #require(report["patterns"] as? [[String: Any]])
        let session = try #require(patterns.first { $0["key"] as? String == "session" })
        #expect((session["violations"] as? [String: Int]) == ["wrong-type": 1])
        let example = try #require((session["examples"] as? [[String: Any]])?.first)
        #expect(example["rule"] as? String == "wrong-type")
        #expect(example["severity"] as? String == "error")
        #expect(example["key"] as? String == "session:2")
        #expect(example["pattern"] as? String == "session")
        #expect(report["server"] as? String == Self.url(21))
    }

    @Test func severityOverridesFromTheCommandLine() throws {
        try seedViolations(22)
        let result = try cli.run([
            "validate", "--url", Self.url(22), "--format", "json", "--warn", "wrong-type", "--warn", "missing-ttl",
            "--ignore", "unknown-key",
        ])
        #expect(result.status == 0, "warnings do not fail the run")
        let summary = try #require(try json(result.stdout)["summary"] as? [String: Any])
        #expect(summary["warnings"] as? Int == 2)
        let unknownRule = try cli.run(["validate", "--url", Self.url(22), "--warn", "no-such-rule"])
        #expect(unknownRule.status == 2)
        #expect(unknownRule.stderr.contains("unknown rule `no-such-rule`"))
    }

    @Test func githubAndSARIFFormats() throws {
        try seedViolations(23)
        let github = try cli.run(["validate", "--url", Self.url(23), "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.contains("::error file=schema.yaml,line=10,col=14,title=redis-schema wrong-type::"))
        let sarif = try cli.run(["validate", "--url", Self.url(23), "--format", "sarif"])
        #expect(sarif.status == 1)
        let log = try json(sarif.stdout)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "missing-ttl" })
    }

    @Test func baselineFilesFromTheCommandLine() throws {
        try seedViolations(24)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).json").path
        #expect(try cli.run(["validate", "--url", Self.url(24), "--write-baseline", file]).status == 1)
        let accepted = try cli.run(["validate", "--url", Self.url(24), "--baseline", file, "--format", "json"])
        #expect(accepted.status == 0, "\(accepted.stdout)")
        let broken = try cli.run(["validate", "--url", Self.url(24), "--baseline", "/nonexistent.json"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("cannot read the baseline `/nonexistent.json`"))
    }

    @Test func connectionRefusedExits3() throws {
        let result = try cli.run(["validate", "--url", "redis://127.0.0.1:1", "--connect-timeout", "2"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("connection refused"))
    }

    @Test func unresolvableHostExits3() throws {
        let result = try cli.run(["validate", "--url", "redis://no-such-host.invalid:6379"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("no-such-host.invalid"))
    }

    @Test func badURLIsAUsageError() throws {
        let result = try cli.run(["validate", "--url", "redis://127.0.0.1:abc"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid port"))
        let withUser = try cli.run(["validate", "--url", "redis://lint@127.0.0.1:abc"])
        #expect(withUser.status == 2)
        #expect(withUser.stderr.contains("invalid port `abc`"))
    }

    /// The landed CLI re-parsed the URL to see whether it named a database: a `/` in the password made it
    /// scan db 0 instead of the schema's `database:`, and a `#` cut the password so that its first part
    /// was printed as the port. Both must scan the schema's database with the password as written. The cases
    /// share database 31, so they run one after another: one's FLUSHDB must not empty another's keyspace.
    @Test(.serialized, arguments: ["Hunter/Secret", "Hunter#Secret", "Hunter?Secret@x"])
    func unencodedPasswordCharactersKeepTheSchemasDatabase(password: String) throws {
        let user = "slash-\(UUID().uuidString.prefix(8))"
        try redisCLI(0, ["ACL", "SETUSER", user, "reset", "on", ">\(password)", "~*", "+@all"])
        defer { _ = try? redisCLI(0, ["ACL", "DELUSER", user]) }
        try redisCLI(31, ["FLUSHDB"])
        try redisCLI(31, ["SET", "exp_score:1", "78", "EX", "1800"])
        let seed = try String(
            contentsOf: CLITests.repositoryRoot.appendingPathComponent("schema.yaml"), encoding: .utf8)
        let schema = try cli.temporaryFile(seed.replacingOccurrences(of: "database: 0", with: "database: 31"))
        let result = try cli.run([
            "validate", "--schema", schema.path, "--url", "redis://\(user):\(password)@127.0.0.1:\(Self.port!)",
            "--format", "json",
        ])
        for part in ["Hunter", "Secret"] {
            #expect(!result.stdout.contains(part) && !result.stderr.contains(part), "\(result.stderr)")
        }
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        #expect(report["database"] as? Int == 31, "the schema's database, as the URL names none")
        #expect((report["summary"] as? [String: Any])?["keysScanned"] as? Int == 1)
    }

    @Test(.enabled(if: TestRedis.authPort != nil && TestRedis.password != nil))
    func passwordsWorkAndAreNeverPrinted() throws {
        let port = try #require(Self.authPort)
        let password = try #require(Self.password)
        let missing = try cli.run(["validate", "--url", "redis://127.0.0.1:\(port)/5"])
        #expect(missing.status == 3)
        #expect(missing.stderr.lowercased().contains("password"))
        let wrong = try cli.run(["validate", "--url", "redis://:wrong-secret@127.0.0.1:\(port)/5"])
        #expect(wrong.status == 3)
        #expect(!wrong.stderr.contains("wrong-secret"))
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        let good = try cli.run([
            "validate", "--url", "redis://:\(encoded)@127.0.0.1:\(port)/5", "--format", "json",
        ])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(!good.stdout.contains(encoded) && !good.stdout.contains(password))
        #expect(good.stdout.contains("***"))
    }

    @Test func aUserLimitedToTheDocumentedACLCanValidate() throws {
        let user = "lint-\(UUID().uuidString.prefix(8))"
        try redisCLI(0, ["ACL", "SETUSER", user, "reset", "on", ">lint-pw", "~*"] + Self.documentedACL)
        defer { _ = try? redisCLI(0, ["ACL", "DELUSER", user]) }
        try seedViolations(26)
        let result = try cli.run([
            "validate", "--url", "redis://\(user):lint-pw@127.0.0.1:\(Self.port!)/26", "--format", "json",
        ])
        #expect(result.status == 1, "violations, not a permission error: \(result.stderr)")
        #expect(try json(result.stdout)["summary"] != nil)
    }

    /// The ACL line docs/validate.md gives users to copy.
    static let documentedACL = [
        "-@all", "+hello", "+auth", "+client|setname", "+select", "+ping", "+info", "+dbsize", "+scan", "+type",
        "+pttl",
    ]

    @Test func aUserDeniedSCANGetsAClearPermissionError() throws {
        let user = "noscan-\(UUID().uuidString.prefix(8))"
        let acl = Self.documentedACL.filter { $0 != "+scan" }
        try redisCLI(0, ["ACL", "SETUSER", user, "reset", "on", ">pw", "~*"] + acl)
        defer { _ = try? redisCLI(0, ["ACL", "DELUSER", user]) }
        let result = try cli.run(["validate", "--url", "redis://\(user):pw@127.0.0.1:\(Self.port!)/27"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("scan"))
        #expect(result.stderr.contains(user))
        #expect(!result.stderr.contains(":pw@"))
    }

    @Test(.enabled(if: TestRedis.tlsPort != nil && TestRedis.tlsDirectory != nil))
    func tlsWithTheRightCAAndNotWithAWrongOne() throws {
        let port = try #require(Self.tlsPort)
        let directory = try #require(Self.tlsDirectory)
        try redisCLI(28, ["FLUSHDB"])
        let good = try cli.run([
            "validate", "--url", "rediss://127.0.0.1:\(port)/28", "--tls-ca", "\(directory)/ca.crt", "--format", "json",
        ])
        #expect(good.status == 0, "\(good.stderr)")
        let bad = try cli.run([
            "validate", "--url", "rediss://127.0.0.1:\(port)/28", "--tls-ca", "\(directory)/other-ca.crt",
        ])
        #expect(bad.status == 3)
        #expect(bad.stderr.lowercased().contains("tls") || bad.stderr.lowercased().contains("certificate"))
    }

    @Test func ctrlCPrintsThePartialReportAndTheResumeCursor() throws {
        try redisCLI(29, ["FLUSHDB"])
        try redisCLI(29, ["DEBUG", "POPULATE", "100000", "stray"])
        let run = try BackgroundRun([
            "validate", "--url", Self.url(29), "--format", "json", "--rate", "20000", "--count", "500",
        ]).interrupt(after: 1.5)
        #expect(run.status == 130)
        let summary = try #require(try json(run.stdout)["summary"] as? [String: Any])
        #expect(summary["interrupted"] as? Bool == true)
        let cursor = try #require(summary["resumeCursor"] as? String)
        #expect(run.stderr.contains("resume with: --cursor \(cursor)"))
        let scanned = try #require(summary["keysScanned"] as? Int)
        #expect(scanned > 0 && scanned < 100_000)
    }

    @Test func progressLineOnlyOnATerminal() throws {
        try redisCLI(30, ["FLUSHDB"])
        try redisCLI(30, ["DEBUG", "POPULATE", "20000", "stray"])
        let arguments = ["validate", "--url", Self.url(30), "--format", "json", "--count", "100"]
        let piped = try cli.run(arguments)
        #expect(!piped.stderr.contains("scanned"), "no progress line when standard error is not a terminal")

        // `script` runs the command on a pseudo-terminal and records what it writes there.
        let transcript = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).txt")
        let command = ([CLITests.binary.path] + arguments).joined(separator: " ") + " > /dev/null"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["script", "-qec", command, transcript.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let screen = try String(contentsOf: transcript, encoding: .utf8)
        #expect(screen.contains("scanned "))
        #expect(screen.contains("of 20,000)"))
        #expect(screen.contains(" keys/s"))
    }
}
