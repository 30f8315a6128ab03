/// The server-side Lua script every write of generated code runs through, so that a write never touches a key
/// of another Redis type: not its value, not its TTL.
///
/// `KEYS[1]` is the key, `ARGV[1]` the type the schema declares, and the rest the write's commands, each as
/// its argument count followed by its arguments. The script reads `TYPE` first; when the key exists with
/// another type it runs nothing and answers `WRONGTYPE key holds <actual>, expected <expected>`. Otherwise it
/// runs the commands in order with `redis.pcall`, stops at the first that fails (so a failed write never sets
/// a TTL), and answers their replies as an array. A script runs atomically, and touches one key, so it works
/// on Redis Cluster.
enum TypeGuardScript {
    /// The script, exactly as the server hashes it: ``sha1`` is its SHA-1.
    static let source = """
        local actual = redis.call('TYPE', KEYS[1])['ok']
        if actual ~= 'none' and actual ~= ARGV[1] then
            return redis.error_reply('WRONGTYPE key holds ' .. actual .. ', expected ' .. ARGV[1])
        end
        local replies = {}
        local index = 2
        while index <= #ARGV do
            local count = tonumber(ARGV[index])
            local reply = redis.pcall(unpack(ARGV, index + 1, index + count))
            replies[#replies + 1] = reply
            if type(reply) == 'table' and reply['err'] then
                return replies
            end
            index = index + count + 1
        end
        return replies
        """

    /// The SHA-1 of ``source``, which `EVALSHA` names it by. Computed once, by hand, rather than at run time:
    /// the runtime has no SHA-1, and a test checks it against the server's `SCRIPT LOAD`.
    static let sha1 = "d981d1cd30377409b66634c80e795e0e20fb9219"

    /// Lua's `unpack` refuses 8,000 values or more, so one command may have at most this many arguments,
    /// its name included.
    static let maximumArgumentsPerCommand = 7_999

    /// The text that starts the script's own wrong-type error.
    private static let wrongTypePrefix = "WRONGTYPE key holds "

    /// `EVALSHA sha 1 key type count args… count args…`, or the same with `EVAL` and the source.
    static func command(
        _ commands: [RedisCommand], key: String, type: RedisKeyType, byHash: Bool
    ) -> RedisCommand {
        var arguments: [[UInt8]] = [
            Array((byHash ? "EVALSHA" : "EVAL").utf8), Array((byHash ? sha1 : source).utf8), Array("1".utf8),
            Array(key.utf8), Array(type.rawValue.utf8),
        ]
        arguments.reserveCapacity(arguments.count + commands.reduce(0) { $0 + $1.arguments.count + 1 })
        for command in commands {
            arguments.append(Array(String(command.arguments.count).utf8))
            arguments.append(contentsOf: command.arguments)
        }
        return RedisCommand(arguments: arguments)
    }

    /// The type named by the script's wrong-type error, or `nil` when `error` is not that error. The inner
    /// optional is `nil` for a type outside ``RedisKeyType``, such as a module's.
    static func actualType(in error: RedisServerError, expected: RedisKeyType) -> RedisKeyType?? {
        let message = error.message
        let suffix = ", expected \(expected.rawValue)"
        guard message.hasPrefix(wrongTypePrefix), message.hasSuffix(suffix) else { return nil }
        let name = message.dropFirst(wrongTypePrefix.count).dropLast(suffix.count)
        return .some(RedisKeyType(rawValue: String(name)))
    }
}
