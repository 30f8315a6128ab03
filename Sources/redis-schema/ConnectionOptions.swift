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
        name: .customLong("connect-timeout"),
        help: ArgumentHelp("Seconds to wait for a connection.", valueName: "seconds"))
    var connectTimeout: Double = 5

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for any reply before giving up.", valueName: "seconds"))
    var timeout: Double = 30

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        guard connectTimeout > 0, timeout > 0 else {
            throw ValidationError("timeouts must be positive")
        }
    }

    /// The connection configuration: URL (or environment), TLS files, timeouts; `database` applies
    /// unless the URL names one.
    func configuration(environment: [String: String], database: Int) throws(RedisURLError)
        -> RedisConnectionConfiguration
    {
        let text =
            url ?? environment["REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? RedisConnectionConfiguration.defaultURL
        var configuration = try RedisConnectionConfiguration(url: text, environment: environment, database: database)
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
