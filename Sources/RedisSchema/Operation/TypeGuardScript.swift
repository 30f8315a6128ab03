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
    static let script = RedisScript(
        source: RedisScript.typeCheck + "\n" + """
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
            """,
        sha1: "d981d1cd30377409b66634c80e795e0e20fb9219")

    /// The script's arguments after the key: the type, then each command as its argument count and arguments.
    static func arguments(_ commands: [RedisCommand], type: RedisKeyType) -> [[UInt8]] {
        var arguments: [[UInt8]] = [Array(type.rawValue.utf8)]
        arguments.reserveCapacity(1 + commands.reduce(0) { $0 + $1.arguments.count + 1 })
        for command in commands {
            arguments.append(Array(String(command.arguments.count).utf8))
            arguments.append(contentsOf: command.arguments)
        }
        return arguments
    }
}
