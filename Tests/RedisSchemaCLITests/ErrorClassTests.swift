import ArgumentParser
import RedisSchema
import RedisSchemaClient
import RedisSchemaCore
import RedisSchemaLint
import Testing

@testable import redis_schema

/// The one table from failures to exit codes, and the CLI's wording of library errors.
@Suite struct ErrorClassTests {
    @Test func everyClassHasItsDocumentedExitCode() {
        let codes = ErrorClass.allCases.map { ($0, $0.exitCode.rawValue) }
        #expect(codes.map(\.1) == [1, 2, 3, 4, 130, 143])
        #expect(Set(codes.map(\.1)).count == ErrorClass.allCases.count, "no two classes share an exit code")
    }

    @Test func libraryErrorsAreClassified() throws {
        var urlError: (any Error)?
        do { _ = try RedisConnectionConfiguration(url: "redis://host:abc") } catch { urlError = error }
        var fileError: (any Error)?
        do { _ = try SchemaLoader.load(contentsOf: "/nonexistent/schema.yaml") } catch { fileError = error }
        let cases: [(any Error, ErrorClass?)] = [
            (try #require(urlError), .usage),
            (try #require(fileError), .usage),
            (BaselineError.unsupportedVersion(path: "b.json", version: 9), .usage),
            (ValidationError("bad option"), .usage),
            (RedisConnectionError.connectionRefused(endpoint: "127.0.0.1:1"), .connection),
            (RedisConnectionError.authenticationRequired(endpoint: "127.0.0.1:1"), .connection),
            (LintError.unexpectedReply(command: "SCAN", reply: "?"), .connection),
            (RedisServerError("ERR no"), .connection),
            (CancellationError(), nil),
        ]
        for (error, expected) in cases {
            #expect(ErrorClass(classifying: error) == expected, "\(error)")
        }
    }

    /// Libraries describe the problem; the CLI adds the flag that fixes it.
    @Test func theCLINamesTheFlagsLibrariesDoNot() {
        let handshake = RedisConnectionError.tlsHandshakeFailed(endpoint: "h:6380", reason: "bad certificate")
        #expect(!handshake.description.contains("--"))
        #expect(CommandFailure.message(for: handshake).contains("--tls-ca"))
        let timeout = RedisConnectionError.commandTimeout(endpoint: "h:6379", timeout: .seconds(30))
        #expect(CommandFailure.message(for: timeout).hasSuffix("(--timeout sets the limit)"))
        // A redirect still redirecting after the hops followed: no flag fixes a reshard in progress.
        let moving = LintError.serverError(command: "TYPE", RedisServerError("MOVED 3999 h:7000"))
        #expect(moving.description.contains("a reshard is moving these slots"))
        #expect(CommandFailure.message(for: moving) == moving.description)
        let baseline = BaselineError.malformed(path: "b.json", reason: "not JSON")
        #expect(!baseline.description.contains("--"))
        #expect(CommandFailure.message(for: baseline).contains("--write-baseline b.json"))
        let refused = RedisConnectionError.connectionRefused(endpoint: "h:1")
        #expect(CommandFailure.message(for: refused) == refused.description)
    }
}
