import Foundation
import Testing

/// Bad option values for `validate` are usage errors (exit 2) with a message naming the option,
/// refused before any connection: never a crash, a hang, or a connection error.
@Suite struct ValidateOptionTests {
    let cli = CLITests()

    /// A port nothing listens on: were an option accepted, the run would fail with exit 3 instead.
    static let url = "redis://127.0.0.1:1"

    @Test(arguments: [
        (["--timeout", "inf"], "--timeout"), (["--timeout", "1e10"], "--timeout"),
        (["--timeout", "nan"], "--timeout"), (["--connect-timeout", "1e17"], "--connect-timeout"),
        (["--connect-timeout", "-1"], "--connect-timeout"), (["--rate", "nan"], "--rate"),
        (["--rate", "inf"], "--rate"), (["--rate", "-5"], "--rate"), (["--rate", "1e-300"], "--rate"),
        (["--sample", "nan"], "--sample"), (["--max-keys", "-5"], "--max-keys"), (["--count", "-1"], "--count"),
        (["--examples", "-2"], "--examples"), (["--cursor", "١٢٣"], "--cursor"),
        (["--cursor", "123456789012345678901"], "--cursor"), (["--cursor", "-3"], "--cursor"),
        (["--cursor", "+3"], "--cursor"), (["--match", ""], "--match"),
        (["--tls-ca", "/nonexistent/ca.pem"], "rediss://"), (["--tls-insecure"], "rediss://"),
        (["--retry-for", "-1"], "--retry-for"), (["--retry-for", "nan"], "--retry-for"),
        (["--retry-for", "inf"], "--retry-for"), (["--retry-for", "86401"], "--retry-for"),
        (["--deep-sample", "nan"], "--deep-sample"), (["--deep-sample", "0"], "--deep-sample"),
        (["--deep-sample", "1.5"], "--deep-sample"), (["--deep-sample", "-0.5"], "--deep-sample"),
        (["--max-key-bytes", "0"], "--max-key-bytes"),
    ])
    func badValuesExit2WithAMessage(arguments: [String], mentions: String) throws {
        let result = try cli.run(["validate", "--url", Self.url] + arguments)
        #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Missing value"), "\(arguments): \(result.stderr)")
    }

    /// The largest values that are accepted still reach the connection (exit 3), without trapping.
    @Test func theLargestAcceptedTimeoutsDoNotTrap() throws {
        let result = try cli.run([
            "validate", "--url", Self.url, "--timeout", "86400", "--connect-timeout", "86400", "--rate", "1e300",
            "--cursor", "18446744073709551615", "--retry-for", "86400",
        ])
        #expect(result.status == 3, "\(result.stderr)")
    }
}
