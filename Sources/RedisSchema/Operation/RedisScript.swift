/// A server-side Lua script that generated code runs, called by its SHA-1 (`EVALSHA`) and sent with its source
/// (`EVAL`) when the server does not know it yet. Clients keep no state about which scripts a server has.
struct RedisScript: Sendable, Hashable {
    /// The script, exactly as the server hashes it.
    let source: String
    /// The SHA-1 of ``source``, which `EVALSHA` names it by. Written by hand, since the runtime has no SHA-1;
    /// a live test checks it against the server's `SCRIPT LOAD`.
    let sha1: String

    /// Lua's stack holds 8,000 values, and the type-guard script's `unpack` shares it with the script's own
    /// values, so one command run by it may have at most this many arguments, its name included: measured on
    /// Redis 7.0 (7,998 fails with "too many results to unpack"), and pinned by the live tests of
    /// `add(contentsOf:)`.
    static let maximumArgumentsPerCommand = 7_997

    /// The text that starts the scripts' own wrong-type error: `WRONGTYPE key holds hash, expected string`.
    static let wrongTypePrefix = "WRONGTYPE key holds "

    /// The Lua lines every script of generated code starts with: nothing runs on a key of another type than
    /// `ARGV[1]`, and the error names both types.
    static let typeCheck = """
        local actual = redis.call('TYPE', KEYS[1])['ok']
        if actual ~= 'none' and actual ~= ARGV[1] then
            return redis.error_reply('WRONGTYPE key holds ' .. actual .. ', expected ' .. ARGV[1])
        end
        """

    /// `EVALSHA sha 1 key arguments…`, or `EVAL source 1 key arguments…`.
    func call(key: String, arguments: [[UInt8]], bySource: Bool) -> RedisCommand {
        var all: [[UInt8]] = []
        all.reserveCapacity(arguments.count + 4)
        all.append(Array((bySource ? "EVAL" : "EVALSHA").utf8))
        all.append(Array((bySource ? source : sha1).utf8))
        all.append(Array("1".utf8))
        all.append(Array(key.utf8))
        all.append(contentsOf: arguments)
        return RedisCommand(arguments: all)
    }

    /// The type named by a script's wrong-type error, or `nil` when `error` is not that error. The inner
    /// optional is `nil` for a type outside ``RedisKeyType``, such as a module's.
    static func actualType(in error: RedisServerError, expected: RedisKeyType) -> RedisKeyType?? {
        let message = error.message
        let suffix = ", expected \(expected.rawValue)"
        guard message.hasPrefix(wrongTypePrefix), message.hasSuffix(suffix) else { return nil }
        let name = message.dropFirst(wrongTypePrefix.count).dropLast(suffix.count)
        return .some(RedisKeyType(rawValue: String(name)))
    }

    /// Undoes what the trip through Lua did to a reply: a null becomes Lua `false`, which a RESP3 client
    /// receives as a boolean.
    static func fromLua(_ reply: RESPValue) -> RESPValue {
        switch reply {
        case .boolean(false): return .null
        case .boolean(true): return .integer(1)
        case .array(let values): return .array(values.map(fromLua))
        default: return reply
        }
    }
}
