/// Which RESP version the connection negotiates.
public enum RedisProtocolVersion: Int, Sendable, Hashable {
    /// RESP2 only: `HELLO` is not sent (useful against proxies that do not know it, and to test the fallback).
    case resp2 = 2
    /// RESP3 via `HELLO 3`, falling back to RESP2 when the server does not know `HELLO` (Redis < 6).
    case resp3 = 3
}

/// TLS settings for `rediss://` connections.
public struct TLSOptions: Sendable, Hashable {
    /// PEM file of the CA(s) that sign the server certificate; the system trust store when `nil`.
    public var caFile: String?
    /// PEM client certificate (chain) for mutual TLS; requires ``keyFile``.
    public var certFile: String?
    /// PEM private key of ``certFile``.
    public var keyFile: String?
    /// Skips certificate and host name verification. Only for testing: it makes the connection open to
    /// interception.
    public var insecure: Bool
    /// The name sent as SNI and verified against the certificate; the host when it is a name, none for IPs.
    public var serverName: String?

    /// Creates TLS options; the defaults verify the server against the system trust store.
    public init(
        caFile: String? = nil,
        certFile: String? = nil,
        keyFile: String? = nil,
        insecure: Bool = false,
        serverName: String? = nil
    ) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
        self.insecure = insecure
        self.serverName = serverName
    }
}

/// Where and how to connect to a Redis server.
///
/// `description` and ``redactedURL`` never contain the password, so a configuration can be logged.
public struct RedisConnectionConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address (IPv6 without brackets).
    public var host: String
    /// TCP port.
    public var port: Int
    /// ACL user name; `nil` authenticates as the default user.
    public var username: String?
    /// Password; `nil` skips authentication.
    public var password: String?
    /// Database selected after connecting.
    public var database: Int
    /// TLS settings; `nil` for plain TCP.
    public var tls: TLSOptions?
    /// Time allowed to establish the TCP connection.
    public var connectTimeout: Duration
    /// Time allowed for the replies of one pipeline (including the handshake); `nil` waits forever. Blocking
    /// commands (`BLPOP`, `XREAD BLOCK`, ...) get their own timeout on top, so they never trip it.
    public var commandTimeout: Duration?
    /// Name set with `CLIENT SETNAME`, shown by `CLIENT LIST`; `nil` leaves the connection unnamed.
    public var clientName: String?
    /// The RESP version to negotiate.
    public var protocolVersion: RedisProtocolVersion
    /// What to do after the connection drops; reconnects with backoff unless set to ``RedisReconnection/never``.
    public var reconnection: RedisReconnection

    /// The port Redis listens on by default.
    public static let defaultPort = 6379
    /// The client name shown in `CLIENT LIST` unless configured otherwise.
    public static let defaultClientName = "redis-schema"
    /// The URL used when neither a URL nor `REDIS_URL` is given.
    public static let defaultURL = "redis://127.0.0.1:6379"

    /// Creates a configuration from its parts.
    public init(
        host: String = "127.0.0.1",
        port: Int = RedisConnectionConfiguration.defaultPort,
        username: String? = nil,
        password: String? = nil,
        database: Int = 0,
        tls: TLSOptions? = nil,
        connectTimeout: Duration = .seconds(5),
        commandTimeout: Duration? = .seconds(30),
        clientName: String? = RedisConnectionConfiguration.defaultClientName,
        protocolVersion: RedisProtocolVersion = .resp3,
        reconnection: RedisReconnection = .default
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.clientName = clientName
        self.protocolVersion = protocolVersion
        self.reconnection = reconnection
    }

    /// Parses `redis://[user[:password]@]host[:port][/db]` or `rediss://...` (TLS).
    ///
    /// User and password are percent-decoded; everything up to the last `@` is the user info, so a
    /// password may contain `/`, `?`, `#`, `:` and `@` unencoded, and only a literal `%` must be written
    /// `%25`. When the URL has no password, `REDISCLI_AUTH` from `environment` is used, as `redis-cli` does.
    ///
    /// - Parameters:
    ///   - url: the URL.
    ///   - environment: where `REDISCLI_AUTH` is looked up.
    ///   - database: the database to select when the URL has no `/db` path (e.g. the schema's).
    /// - Throws: ``RedisURLError`` naming the offending part; the URL in the message is redacted, and no
    ///   part of the password ever appears in it.
    public init(url: String, environment: [String: String] = [:], database: Int = 0) throws(RedisURLError) {
        let parsed = try RedisURL.parse(url)
        self.init(
            host: parsed.host,
            port: parsed.port,
            username: parsed.username,
            password: parsed.password ?? environment["REDISCLI_AUTH"].flatMap { $0.isEmpty ? nil : $0 },
            database: parsed.database ?? database,
            tls: parsed.tls ? TLSOptions() : nil
        )
    }

    /// The configuration for `REDIS_URL`, or ``defaultURL`` when it is unset or empty.
    public static func fromEnvironment(_ environment: [String: String]) throws(RedisURLError) -> Self {
        let url = environment["REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultURL
        return try Self(url: url, environment: environment)
    }

    /// `host:port`, with IPv6 hosts in brackets, as used in error messages.
    public var endpoint: String {
        "\(RedisURL.bracketedHost(self.host)):\(self.port)"
    }

    /// The configuration as a URL whose password is replaced by `***`, safe for logs and messages.
    public var redactedURL: String {
        var url = self.tls == nil ? "redis://" : "rediss://"
        if self.username != nil || self.password != nil {
            url += RedisURL.percentEncode(self.username ?? "")
            if self.password != nil {
                url += ":***"
            }
            url += "@"
        }
        url += self.endpoint
        if self.database != 0 {
            url += "/\(self.database)"
        }
        return url
    }

    public var description: String {
        "RedisConnectionConfiguration(\(self.redactedURL))"
    }
}
