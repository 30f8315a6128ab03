import ArgumentParser
import RedisSchema
import RedisSchemaClient
import RedisSchemaCore
import RedisSchemaLint

/// Why a subcommand failed, as far as its exit code goes: the documented exit codes, in one table.
enum ErrorClass: CaseIterable, Sendable {
    /// The schema, the keyspace or a committed generated file breaks the rules.
    case violations
    /// Bad options or URL, a file that cannot be read or written, or a schema `validate` cannot use.
    case usage
    /// The server could not be reached, refused the credentials, or refused a command; or `validate`
    /// lost its connection and could not reconnect within `--retry-for` (the partial report was printed).
    case connection
    /// `validate` could not cover what it claims: a Redis Cluster node (only its keys were scanned)
    /// or a sample that checked no key. The report was printed and says why.
    case incomplete
    /// The user interrupted `validate` (Ctrl-C); the partial report was printed.
    case interrupted
    /// `validate` was stopped by SIGTERM (`kill`, a supervisor, a CI timeout); the partial report was printed.
    case terminated

    /// The exit code documented in docs/cli.md for this class.
    var exitCode: ExitCode {
        switch self {
        case .violations: ExitCode(1)
        case .usage: ExitCode(2)
        case .connection: ExitCode(3)
        case .incomplete: ExitCode(4)
        case .interrupted: ExitCode(130)
        case .terminated: ExitCode(143)
        }
    }

    /// The class of an error a library threw; `nil` for errors no subcommand expects, which
    /// ArgumentParser reports as it sees fit.
    init?(classifying error: any Error) {
        switch error {
        case is RedisURLError, is BaselineError, is FileReadError, is ValidationError:
            self = .usage
        case is RedisConnectionError, is LintError, is RedisServerError:
            self = .connection
        default:
            return nil
        }
    }
}

/// A failed subcommand: its class (hence its exit code) and what to print on standard error, if the
/// subcommand has not printed it already.
struct CommandFailure: Error {
    var errorClass: ErrorClass
    var message: String?

    init(_ errorClass: ErrorClass, message: String? = nil) {
        self.errorClass = errorClass
        self.message = message
    }

    /// A library error, worded for the command line by ``CommandFailure/message(for:)``.
    init(_ errorClass: ErrorClass, _ error: any Error) {
        self.init(errorClass, message: Self.message(for: error))
    }

    /// A library error's message, with the command-line flags that fix it: libraries describe the
    /// problem, only the CLI knows its flags.
    static func message(for error: any Error) -> String {
        switch error {
        case RedisConnectionError.tlsHandshakeFailed:
            return "\(error) (give that CA with --tls-ca; without it the system trust store is used)"
        case RedisConnectionError.tlsConfigurationInvalid:
            return "\(error) (see --tls-ca, --tls-cert and --tls-key)"
        case RedisConnectionError.connectTimeout:
            return "\(error) (--connect-timeout sets the limit)"
        case RedisConnectionError.commandTimeout:
            return "\(error) (--timeout sets the limit)"
        case BaselineError.malformed(let path, _):
            return "\(error); write one with `redis-schema validate --write-baseline \(path)`"
        default:
            return "\(error)"
        }
    }
}
