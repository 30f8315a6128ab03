import RedisSchema

/// Why a scan could not be completed.
public enum LintError: Error, Sendable, CustomStringConvertible {
    /// The server answered a command with an error (an ACL denial, a cluster redirect, …).
    case serverError(command: String, RedisServerError)
    /// The server's reply did not have the expected shape.
    case unexpectedReply(command: String, reply: String)
    /// The connection failed.
    case connection(any Error)

    public var description: String {
        switch self {
        case .serverError(let command, let error) where error.code == "NOPERM":
            return "the server refused `\(command)`: \(error.message). The linter needs only read-only commands; "
                + "see docs/validate.md for the ACL rules to grant"
        case .serverError(let command, let error) where error.code == "MOVED" || error.code == "ASK":
            // Redirects are followed a few hops; one still redirecting is a slot moving on and on.
            return
                "`\(command)` was still redirected after \(RedirectFollowingClient.maxHops) hops (\(error.message)): "
                + "a reshard is moving these slots; run again once it is over"
        case .serverError(let command, let error):
            return "the server answered `\(command)` with an error: \(error.message)"
        case .unexpectedReply(let command, let reply):
            return "unexpected reply to `\(command)`: \(reply)"
        case .connection(let error):
            return "\(error)"
        }
    }
}
