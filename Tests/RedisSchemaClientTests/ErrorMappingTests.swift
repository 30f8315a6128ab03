import RedisSchema
import RedisSchemaClient
import Testing

@Suite("Error mapping and values")
struct ErrorMappingTests {
    @Test("maps NOPERM in the Redis 7 wording to a message naming user and command")
    func nopermRedis7() throws {
        let error = try #require(
            RedisConnectionError(
                RedisServerError("NOPERM User lint has no permissions to run the 'keys' command"),
                endpoint: "127.0.0.1:6379",
                username: "lint"
            )
        )
        #expect(error.isPermissionError)
        #expect(!error.isAuthenticationError)
        #expect(error.description.hasPrefix("the ACL user `lint` may not run `KEYS`"))
        #expect(error.description.contains("ACL SETUSER lint +keys"))
    }

    @Test("maps NOPERM in the Redis 6 wording, and subcommands")
    func nopermRedis6() throws {
        let error = try #require(
            RedisConnectionError(
                RedisServerError(
                    "NOPERM this user has no permissions to run the 'config|get' command or its subcommand"),
                endpoint: "h:1",
                username: nil
            )
        )
        #expect(error.description.hasPrefix("the ACL user `default` may not run `CONFIG GET`"))
        #expect(error.description.contains("+config|get"))
        let key = try #require(
            RedisConnectionError(
                RedisServerError("NOPERM No permissions to access a key"), endpoint: "h:1", username: "u")
        )
        #expect(key.description.contains("`u`"))
        #expect(key.description.contains("No permissions to access a key"))
    }

    @Test("maps NOAUTH, WRONGPASS and old-style invalid password to authentication errors")
    func authentication() throws {
        let noauth = try #require(
            RedisConnectionError(RedisServerError("NOAUTH Authentication required."), endpoint: "h:1", username: nil)
        )
        #expect(noauth == .authenticationRequired(endpoint: "h:1"))
        #expect(noauth.isAuthenticationError)
        #expect(noauth.description.contains("REDISCLI_AUTH"))

        let wrongpass = try #require(
            RedisConnectionError(
                RedisServerError("WRONGPASS invalid username-password pair or user is disabled."),
                endpoint: "h:1",
                username: "lint"
            )
        )
        #expect(wrongpass == .authenticationFailed(endpoint: "h:1", username: "lint"))
        #expect(wrongpass.isAuthenticationError)
        #expect(wrongpass.description.contains("user `lint`"))

        let old = RedisConnectionError(RedisServerError("ERR invalid password"), endpoint: "h:1", username: nil)
        #expect(old == .authenticationFailed(endpoint: "h:1", username: nil))
    }

    @Test("maps LOADING to a transient error that advises to retry")
    func loading() throws {
        let error = try #require(
            RedisConnectionError(
                RedisServerError("LOADING Redis is loading the dataset in memory"),
                endpoint: "h:1",
                username: nil
            )
        )
        #expect(error == .serverLoading(endpoint: "h:1"))
        #expect(error.isTransient)
        #expect(error.description == "h:1 is still loading its dataset into memory; retry in a few seconds")
    }

    @Test("leaves other server errors alone, and classifies thrown errors")
    func classification() {
        #expect(
            RedisConnectionError(RedisServerError("WRONGTYPE Operation"), endpoint: "h:1", username: nil) == nil
        )
        let thrown: any Error = RedisServerError("NOAUTH Authentication required.")
        #expect(
            RedisConnectionError(classifying: thrown, endpoint: "h:1", username: nil)?.isAuthenticationError == true)
        let direct: any Error = RedisConnectionError.connectionRefused(endpoint: "h:1")
        #expect(
            RedisConnectionError(classifying: direct, endpoint: "x", username: nil)
                == .connectionRefused(endpoint: "h:1"))
        #expect(
            RedisConnectionError.connectionRefused(endpoint: "127.0.0.1:6399").description
                == "could not connect to 127.0.0.1:6399: connection refused; is redis-server running?"
        )
        #expect(
            RedisConnectionError.commandTimeout(endpoint: "h:1", timeout: .milliseconds(1500)).description.contains(
                "1500ms"))
    }

    @Test("splits server errors into code and detail")
    func serverErrorCode() {
        #expect(RedisServerError("WRONGTYPE Operation against a key").code == "WRONGTYPE")
        #expect(RedisServerError("WRONGTYPE Operation against a key").detail == "Operation against a key")
        #expect(RedisServerError("something lowercase").code == "ERR")
        #expect(RedisServerError("").code == "ERR")
    }

    @Test("offers conveniences on replies")
    func valueConveniences() {
        #expect(RESPValue.bulkString(Array("12".utf8)).int == 12)
        #expect(RESPValue.bulkString(Array("1x".utf8)).int == nil)
        #expect(RESPValue.bulkString(Array("-9223372036854775808".utf8)).int == .min)
        #expect(RESPValue.bulkString(Array("9223372036854775808".utf8)).int == nil)
        #expect(RESPValue.integer(5).string == "5")
        #expect(RESPValue.bulkString([0xFF]).string == nil)
        #expect(RESPValue.bulkString([0xFF]).bytes == [0xFF])
        #expect(RESPValue.bulkString(Array("2.5".utf8)).double == 2.5)
        #expect(RESPValue.null.array == nil)
        #expect(RESPValue.null.isNull)
        #expect(RESPValue.set([.integer(1)]).array == [.integer(1)])
        let pairs = RESPValue.map([.integer(1), .integer(2)]).pairs
        #expect(pairs?.count == 1 && pairs?.first?.key == .integer(1) && pairs?.first?.value == .integer(2))
        #expect(RESPValue.array([.integer(1)]).pairs == nil)
        #expect(RESPValue.error(RedisServerError("ERR x")).serverError?.code == "ERR")
    }
}
