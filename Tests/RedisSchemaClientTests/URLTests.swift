import RedisSchemaClient
import Testing

@Suite("Redis URLs")
struct URLTests {
    @Test("parses host, port, database and defaults")
    func parsesParts() throws {
        let plain = try RedisConnectionConfiguration(url: "redis://cache.example.com")
        #expect(plain.host == "cache.example.com")
        #expect(plain.port == 6379)
        #expect(plain.database == 0)
        #expect(plain.tls == nil)
        #expect(plain.username == nil && plain.password == nil)
        #expect(plain.clientName == "redis-schema")

        let full = try RedisConnectionConfiguration(url: "REDISS://admin:pw@10.0.0.5:7000/3")
        #expect(full.host == "10.0.0.5")
        #expect(full.port == 7000)
        #expect(full.database == 3)
        #expect(full.tls == TLSOptions())
        #expect(full.username == "admin")
        #expect(full.password == "pw")

        let slash = try RedisConnectionConfiguration(url: "redis://localhost:6380/")
        #expect(slash.port == 6380 && slash.database == 0)

        let empty = try RedisConnectionConfiguration(url: "redis://")
        #expect(empty.host == "127.0.0.1" && empty.port == 6379)
    }

    @Test("parses IPv6 hosts in brackets")
    func ipv6() throws {
        let config = try RedisConnectionConfiguration(url: "redis://[::1]:6390/2")
        #expect(config.host == "::1")
        #expect(config.port == 6390)
        #expect(config.database == 2)
        #expect(config.endpoint == "[::1]:6390")
        #expect(try RedisConnectionConfiguration(url: "redis://[fe80::1]").port == 6379)
    }

    @Test("percent-decodes user and password; an unencoded @ in the password still parses")
    func credentials() throws {
        let config = try RedisConnectionConfiguration(url: "redis://us%40er:p%3As%2Fs%25w%C3%B6rd@host")
        #expect(config.username == "us@er")
        #expect(config.password == "p:s/s%wörd")

        let onlyPassword = try RedisConnectionConfiguration(url: "redis://:secret@host")
        #expect(onlyPassword.username == nil)
        #expect(onlyPassword.password == "secret")

        let onlyUser = try RedisConnectionConfiguration(url: "redis://lint@host")
        #expect(onlyUser.username == "lint")
        #expect(onlyUser.password == nil)

        let atInPassword = try RedisConnectionConfiguration(url: "redis://u:p@ss@host:1/1")
        #expect(atInPassword.password == "p@ss")
        #expect(atInPassword.host == "host")
    }

    @Test("takes the password from REDISCLI_AUTH when the URL has none, as redis-cli does")
    func rediscliAuth() throws {
        let environment = ["REDISCLI_AUTH": "from-env"]
        #expect(try RedisConnectionConfiguration(url: "redis://host", environment: environment).password == "from-env")
        #expect(
            try RedisConnectionConfiguration(url: "redis://lint@host", environment: environment).password == "from-env"
        )
        #expect(try RedisConnectionConfiguration(url: "redis://:url@host", environment: environment).password == "url")
    }

    @Test("reads REDIS_URL, defaulting to localhost")
    func fromEnvironment() throws {
        #expect(try RedisConnectionConfiguration.fromEnvironment([:]).endpoint == "127.0.0.1:6379")
        let config = try RedisConnectionConfiguration.fromEnvironment([
            "REDIS_URL": "rediss://cache:6390/4", "REDISCLI_AUTH": "pw",
        ])
        #expect(config.endpoint == "cache:6390")
        #expect(config.database == 4)
        #expect(config.password == "pw")
        #expect(config.tls != nil)
    }

    @Test(
        "reports what is wrong, with the password redacted",
        arguments: [
            (
                "redis://u@host:abc",
                "`redis://u@host:abc` has an invalid port `abc`; the port must be a number from 1 to 65535"
            ),
            (
                "redis://host:0",
                "`redis://host:***` has an invalid port (not shown: without `@host` it could be a password); "
                    + "the port must be a number from 1 to 65535"
            ),
            (
                "redis://u@host:70000",
                "`redis://u@host:70000` has an invalid port `70000`; the port must be a number from 1 to 65535"
            ),
            (
                "redis://:hunter2@host:x",
                "`redis://:***@host:x` has an invalid port `x`; the port must be a number from 1 to 65535"
            ),
            (
                "redis://u@host/db1",
                "`redis://u@host/db1` has an invalid database `db1`; the path must be a database number such as /0"
            ),
            (
                "redis://host/db1",
                "`redis://host/db1` has an invalid database `db1`; the path must be a database number such as /0"
            ),
            (
                "redis://host:6379/db1",
                "`redis://host:***` has an invalid database (not shown: without `@host` it could be a password); "
                    + "the path must be a database number such as /0"
            ),
            ("http://host", "`http://host` has the unsupported scheme `http`; use redis:// or rediss:// (TLS)"),
            (
                "localhost:6379",
                "`localhost:6379` is not a Redis URL; use the form redis://[user[:password]@]host[:port][/db]"
            ),
            ("redis://u:hunter2@[::1", "`redis://u:***@[::1` has an IPv6 host without its closing `]`"),
            (
                "redis://[::1]:abc",
                "`redis://[::1]:***` has an invalid port (not shown: without `@host` it could be a password); "
                    + "the port must be a number from 1 to 65535"
            ),
            (
                "redis://u:%zz@host",
                "`redis://u:***@host` has an invalid percent-escape in the password; write a literal % as %25"
            ),
            (
                "redis://host?db=1",
                "`redis://host?db=1` has a query string, which is not supported; put the database in the path (/db)"
            ),
            (
                "redis://u:hunter2@host/1#top",
                "`redis://u:***@host/1#top` has a fragment (`#…`), which is not supported; end the URL with the "
                    + "host, port or /db"
            ),
        ]
    )
    func errors(url: String, message: String) {
        #expect(throws: RedisURLError.self) { try RedisConnectionConfiguration(url: url) }
        do {
            _ = try RedisConnectionConfiguration(url: url)
        } catch {
            #expect(error.description == message)
            #expect(!error.description.contains("hunter2"))
        }
    }

    /// Passwords from cloud consoles often contain `/`, `#`, `?` or `@`: everything up to the last `@` is
    /// the user info, so they parse as written. The landed parser let the CLI re-read the URL: `/` made it
    /// think the URL named a database, and `#` cut the password short so that its end became the port.
    @Test(
        "parses passwords with unencoded / # ? @ and : the same as encoded ones",
        arguments: ["Hunter/Secret", "Hunter#Secret", "Hunter?Secret", "Hunter@Secret", "Hunter:Secret", "/#?@:"]
    )
    func unencodedPasswordCharacters(password: String) throws {
        for database in [nil, 7] {
            let path = database.map { "/\($0)" } ?? ""
            let config = try RedisConnectionConfiguration(
                url: "redis://lint:\(password)@cache.internal:6390\(path)", database: 31)
            #expect(config.password == password)
            #expect(config.username == "lint")
            #expect(config.host == "cache.internal")
            #expect(config.port == 6390)
            #expect(config.database == database ?? 31, "the caller's database applies only without /db")
            #expect(!config.redactedURL.contains(password) && !config.description.contains(password))
        }
    }

    @Test("the database comes from /db, else from the caller, else 0")
    func databaseDefault() throws {
        #expect(try RedisConnectionConfiguration(url: "redis://host", database: 4).database == 4)
        #expect(try RedisConnectionConfiguration(url: "redis://host/", database: 4).database == 4)
        #expect(try RedisConnectionConfiguration(url: "redis://host/0", database: 4).database == 0)
        #expect(try RedisConnectionConfiguration(url: "redis://host/12", database: 4).database == 12)
        #expect(try RedisConnectionConfiguration(url: "redis://host").database == 0)
    }

    /// Whatever is wrong with a URL, no piece of its password may reach a message: not even the part
    /// before or after a character that a naive parser would split at.
    @Test(
        "never shows any part of the password in an error",
        arguments: [
            "redis://u:Hunter%zzSecret@host", "redis://u:HunterSecret@host:abc", "redis://u:Hunter/Secret@[::1",
            "http://u:Hunter#Secret@host", "redis://u:Hunter?Secret@host/x", "redis://u:Hunter#Secret@host#frag",
            "redis://u:Hunter%Secret@host:0", "redis://:Hunter:Secret@host?db=1", "u:Hunter@Secret@host",
            "redis://u:Hunter/Secret@host/db1", "redis://u:Hunter Secret@ho st", "redis://:HunterSecret",
            "redis://u:HunterSecret", "redis://:1234/HunterSecret", "rediss://default:HunterSecret/0",
            "redis://:Hunter?Secret", "redis://u:Hunter#Secret", "redis://u:Hunter/Secret/x", "redis://:Hunter:Secret",
        ]
    )
    func errorsNeverShowThePassword(url: String) {
        do {
            _ = try RedisConnectionConfiguration(url: url)
            Issue.record("`\(url)` should not parse")
        } catch {
            #expect(!error.description.contains("Hunter"), "\(error.description)")
            #expect(!error.description.contains("Secret"), "\(error.description)")
        }
    }

    @Test("redacts the password in redactedURL and description")
    func redaction() throws {
        let config = try RedisConnectionConfiguration(url: "rediss://ad%20min:hunter2@[::1]:7000/5")
        #expect(config.redactedURL == "rediss://ad%20min:***@[::1]:7000/5")
        #expect(!config.description.contains("hunter2"))
        #expect(try RedisConnectionConfiguration(url: "redis://:hunter2@h").redactedURL == "redis://:***@h:6379")
        #expect(try RedisConnectionConfiguration(url: "redis://h").redactedURL == "redis://h:6379")
        #expect(try RedisConnectionConfiguration(url: "redis://lint@h/0").redactedURL == "redis://lint@h:6379")
        let fromEnv = try RedisConnectionConfiguration(url: "redis://h", environment: ["REDISCLI_AUTH": "hunter2"])
        #expect(fromEnv.redactedURL == "redis://:***@h:6379")
    }
}
