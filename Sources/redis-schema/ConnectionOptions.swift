import ArgumentParser
import Foundation
import RedisSchemaClient

/// Where the Redis server is and how to reach it: shared by every subcommand that connects.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The server: redis://[user[:password]@]host[:port][/db], or rediss:// for TLS.",
            discussion: "Default: $REDIS_URL, else redis://127.0.0.1:6379. The password may also come from "
                + "$REDISCLI_AUTH, as with redis-cli. Without /db, the schema's `database` is used.",
            valueName: "url"))
    var url: String?

    @Option(
        name: .customLong("tls-ca"),
        help: ArgumentHelp("CA certificate (PEM) to verify the server with.", valueName: "file"))
    var tlsCA: String?

    @Option(
        name: .customLong("tls-cert"), help: ArgumentHelp("Client certificate (PEM) for mutual TLS.", valueName: "file")
    )
    var tlsCert: String?

    @Option(
        name: .customLong("tls-key"), help: ArgumentHelp("Client private key (PEM) for mutual TLS.", valueName: "file"))
    var tlsKey: String?

    @Flag(name: .customLong("tls-insecure"), help: "Do not verify the server's certificate (testing only).")
    var tlsInsecure = false

    @Option(
        name: .customLong("connect-timeout"), parsing: .unconditional,
        help: ArgumentHelp("Seconds to wait for a connection.", valueName: "seconds"))
    var connectTimeout: Double = 5

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Seconds to wait for any reply before giving up.", valueName: "seconds"))
    var timeout: Double = 30

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        for (name, seconds) in [("--connect-timeout", connectTimeout), ("--timeout", timeout)] {
            // Non-finite or huge values would trap converting to the event loop's nanosecond Int64.
            guard seconds.isFinite, seconds > 0, seconds <= Self.maxTimeoutSeconds else {
                throw ValidationError(
                    "\(name) takes a number of seconds above 0 and at most \(Int(Self.maxTimeoutSeconds)) (one day)")
            }
        }
        if url?.lowercased().hasPrefix("redis://") == true, tlsCA != nil || tlsCert != nil || tlsInsecure {
            // A TLS option must never silently turn a plain URL into TLS: the URL says which it is.
            throw ValidationError("--tls-ca, --tls-cert and --tls-insecure need a rediss:// URL, not redis://")
        }
    }

    /// The longest timeout accepted: a day is far beyond any useful wait and far inside `Int64` nanoseconds.
    static let maxTimeoutSeconds = 86_400.0

    /// The connection configuration: URL (or environment), TLS files, timeouts; `database` applies
    /// unless the URL names one.
    func configuration(environment: [String: String], database: Int) throws -> RedisConnectionConfiguration {
        let text =
            url ?? environment["REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? RedisConnectionConfiguration.defaultURL
        var configuration = try RedisConnectionConfiguration(url: text, environment: environment, database: database)
        if configuration.tls == nil, tlsCA != nil || tlsCert != nil || tlsInsecure {
            // The URL came from $REDIS_URL (validate() checked --url): same rule, a TLS option never upgrades it.
            throw ValidationError("--tls-ca, --tls-cert and --tls-insecure need a rediss:// URL, not redis://")
        }
        if tlsCA != nil || tlsCert != nil || tlsInsecure {
            var tls = configuration.tls ?? TLSOptions()
            tls.caFile = tlsCA
            tls.certFile = tlsCert
            tls.keyFile = tlsKey
            tls.insecure = tlsInsecure
            configuration.tls = tls
        }
        configuration.connectTimeout = .milliseconds(Int64(connectTimeout * 1000))
        configuration.commandTimeout = .milliseconds(Int64(timeout * 1000))
        return configuration
    }
}
