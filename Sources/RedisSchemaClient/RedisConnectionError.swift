import RedisSchema

/// Why talking to a Redis server failed, phrased so that a person knows what to do next.
///
/// `endpoint` is always `host:port`; URLs in messages are redacted, so no case ever carries a password.
public enum RedisConnectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing listens on the port.
    case connectionRefused(endpoint: String)
    /// The host name did not resolve.
    case hostNotFound(host: String)
    /// The TCP connection was not established within the connect timeout.
    case connectTimeout(endpoint: String, timeout: Duration)
    /// Replies did not arrive within the command timeout; the connection was closed.
    case commandTimeout(endpoint: String, timeout: Duration)
    /// The server requires authentication and no password was given (`NOAUTH`).
    case authenticationRequired(endpoint: String)
    /// The user name or password was rejected (`WRONGPASS`, or `ERR invalid password` from old servers).
    case authenticationFailed(endpoint: String, username: String?)
    /// The ACL user may not run a command or touch a key (`NOPERM`).
    case permissionDenied(username: String?, command: String?, serverMessage: String)
    /// The server is still loading its dataset (`LOADING`).
    case serverLoading(endpoint: String)
    /// The server closed the connection, or it was reset, while requests were pending or being sent.
    case connectionClosed(endpoint: String)
    /// The connection was closed by ``RedisConnection/close()`` on this side.
    case connectionClosedByClient(endpoint: String)
    /// The TLS handshake failed, e.g. the server certificate is not signed by the trusted CA.
    case tlsHandshakeFailed(endpoint: String, reason: String)
    /// The TLS options could not be turned into a TLS context, e.g. a certificate file is missing.
    case tlsConfigurationInvalid(reason: String)
    /// The server sent bytes that are not valid RESP; the connection was closed.
    case protocolError(endpoint: String, reason: String)
    /// `SELECT` rejected the database number.
    case invalidDatabase(endpoint: String, database: Int, serverMessage: String)
    /// The connection handshake (`HELLO`, `AUTH`, `SELECT`) got an unexpected error reply.
    case handshakeFailed(endpoint: String, serverMessage: String)
    /// Any other connection failure, with the underlying system error.
    case connectionFailed(endpoint: String, reason: String)

    public var description: String {
        switch self {
        case .connectionRefused(let endpoint):
            return "could not connect to \(endpoint): connection refused; is redis-server running?"
        case .hostNotFound(let host):
            return "could not resolve the host name `\(host)`; check the host in the Redis URL"
        case .connectTimeout(let endpoint, let timeout):
            return
                "could not connect to \(endpoint) within \(Self.format(timeout)); check the host and port, "
                + "and that no firewall drops the connection"
        case .commandTimeout(let endpoint, let timeout):
            return
                "\(endpoint) did not reply within \(Self.format(timeout)), so the connection was closed; "
                + "the server may be overloaded or blocked by a slow command: retry or raise the timeout"
        case .authenticationRequired(let endpoint):
            return
                "\(endpoint) requires authentication; give the password in the URL "
                + "(redis://[user]:PASSWORD@host) or in the REDISCLI_AUTH environment variable"
        case .authenticationFailed(let endpoint, let username):
            let user = username.map { "user `\($0)`" } ?? "the default user"
            return
                "authentication at \(endpoint) failed for \(user): wrong password, unknown user, "
                + "or the user is disabled"
        case .permissionDenied(let username, let command, let serverMessage):
            let user = username.map { "the ACL user `\($0)`" } ?? "the ACL user"
            guard let command else {
                return "\(user) is denied by the server's ACL (\(serverMessage)); ask an administrator to grant it"
            }
            let aclName = String(command.lowercased().map { $0 == " " ? "|" : $0 })
            let grant = username.map { " (e.g. `ACL SETUSER \($0) +\(aclName)`)" } ?? ""
            return "\(user) may not run `\(command)`; grant it\(grant) or connect as a user that may"
        case .serverLoading(let endpoint):
            return "\(endpoint) is still loading its dataset into memory; retry in a few seconds"
        case .connectionClosed(let endpoint):
            return
                "\(endpoint) closed the connection before replying; the client may have been killed "
                + "(CLIENT KILL), timed out by the server, or the server may have restarted"
        case .connectionClosedByClient(let endpoint):
            return "the connection to \(endpoint) was already closed by this client"
        case .tlsHandshakeFailed(let endpoint, let reason):
            return
                "the TLS handshake with \(endpoint) failed: \(reason); check that the server uses TLS "
                + "and that the CA that signed its certificate is trusted"
        case .tlsConfigurationInvalid(let reason):
            return "invalid TLS configuration: \(reason)"
        case .protocolError(let endpoint, let reason):
            return
                "\(endpoint) sent a reply that is not valid RESP (\(reason)); is it a Redis server? "
                + "If it uses TLS, connect with rediss://"
        case .invalidDatabase(let endpoint, let database, let serverMessage):
            return
                "\(endpoint) rejected database \(database) (\(serverMessage)); the server's `databases` setting "
                + "limits the number"
        case .handshakeFailed(let endpoint, let serverMessage):
            return "\(endpoint) rejected the connection handshake: \(serverMessage)"
        case .connectionFailed(let endpoint, let reason):
            return "could not talk to \(endpoint): \(reason)"
        }
    }

    /// Whether the error means the credentials are missing or wrong; a CLI maps these to its
    /// authentication exit code.
    public var isAuthenticationError: Bool {
        switch self {
        case .authenticationRequired, .authenticationFailed: return true
        default: return false
        }
    }

    /// Whether the error is an ACL denial of a command or key.
    public var isPermissionError: Bool {
        if case .permissionDenied = self { return true }
        return false
    }

    /// Whether retrying later could succeed without changing the configuration.
    public var isTransient: Bool {
        switch self {
        case .serverLoading, .commandTimeout, .connectTimeout, .connectionClosed: return true
        default: return false
        }
    }

    /// Maps the server errors that have a typed case (`NOAUTH`, `WRONGPASS`, `NOPERM`, `LOADING`);
    /// returns `nil` for any other server error, which should be reported as sent.
    ///
    /// - Parameters:
    ///   - serverError: the error reply.
    ///   - endpoint: `host:port` of the server, for the message.
    ///   - username: the configured ACL user, used when the server's message does not name one.
    public init?(_ serverError: RedisServerError, endpoint: String, username: String?) {
        switch serverError.code {
        case "NOAUTH":
            self = .authenticationRequired(endpoint: endpoint)
        case "WRONGPASS":
            self = .authenticationFailed(endpoint: endpoint, username: username)
        case "NOPERM":
            let parsed = Self.parsePermissionDenial(serverError.message)
            self = .permissionDenied(
                username: parsed.user ?? username ?? "default",
                command: parsed.command,
                serverMessage: serverError.message
            )
        case "LOADING":
            self = .serverLoading(endpoint: endpoint)
        case "ERR" where serverError.message.lowercased().contains("invalid password"):
            // Redis < 6 answers a wrong single-argument AUTH this way.
            self = .authenticationFailed(endpoint: endpoint, username: username)
        default:
            return nil
        }
    }

    /// Classifies any error thrown by this package, including ``RedisServerError`` thrown by
    /// `RedisClientProtocol.send`, so a CLI can pick an exit code with one switch.
    public init?(classifying error: any Error, endpoint: String, username: String?) {
        if let error = error as? RedisConnectionError {
            self = error
        } else if let error = error as? RedisServerError {
            self.init(error, endpoint: endpoint, username: username)
        } else {
            return nil
        }
    }

    /// Extracts user and command from the two wordings Redis uses:
    /// `NOPERM User lint has no permissions to run the 'keys' command` (7.x) and
    /// `NOPERM this user has no permissions to run the 'keys' command or its subcommand` (6.x).
    static func parsePermissionDenial(_ message: String) -> (user: String?, command: String?) {
        var user: String?
        let words = message.split(separator: " ")
        if words.count > 2, words[1] == "User" {
            user = String(words[2])
        }
        var command: String?
        if message.contains("permissions to run"),
            let open = message.firstIndex(of: "'"),
            let close = message[message.index(after: open)...].firstIndex(of: "'")
        {
            let name = message[message.index(after: open)..<close]
            command = name.replacingPipeWithSpace().uppercased()
        }
        return (user, command)
    }

    private static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 {
            return "\(milliseconds / 1000)s"
        }
        return "\(milliseconds)ms"
    }
}

extension Substring {
    /// Redis names subcommands `config|get`; people type `CONFIG GET`.
    fileprivate func replacingPipeWithSpace() -> String {
        String(self.map { $0 == "|" ? " " : $0 })
    }
}
