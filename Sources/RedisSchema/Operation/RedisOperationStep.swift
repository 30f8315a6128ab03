/// One thing an operation sends: a command as it is, commands in `MULTI`…`EXEC`, or a call of one of the
/// runtime's scripts (a type-guarded write, a compare-and-delete). Generated code builds steps; how they go on
/// the wire, alone or in a batch, is decided when they are sent.
public struct RedisOperationStep: Sendable {
    enum Kind: Sendable {
        /// A command sent as it is; its reply is the step's one reply.
        case command(RedisCommand)
        /// Commands that must run together: `MULTI`…`EXEC` around them, or nothing more inside a batch that is
        /// already a transaction. Their replies are the step's replies.
        case atomic([RedisCommand])
        /// A call of `script` on `key` after a check that the key holds `type`. When `commands` is given, the
        /// script runs them and its reply is the array of their replies; otherwise its reply is the step's one
        /// reply.
        case script(RedisScript, arguments: [[UInt8]], type: RedisKeyType, commands: [RedisCommand]?)
    }

    let kind: Kind
    /// The key a guarded step checks and writes, which may be another than the operation's (a list move's
    /// destination, whose cap and TTL follow the move); `nil` for other steps, which use the operation's key.
    let stepKey: String?

    private init(kind: Kind, stepKey: String? = nil) {
        self.kind = kind
        self.stepKey = stepKey
    }

    /// A command sent as it is, e.g. a read. Commands that cannot create or change a key of another type
    /// (reads, and writes such as `LTRIM` that fail with `WRONGTYPE`) need no guard.
    public static func command(_ command: RedisCommand) -> Self {
        Self(kind: .command(command))
    }

    /// Commands that run as one: in `MULTI`…`EXEC`, one round trip, e.g. `GET` and `PTTL` read together.
    public static func atomic(_ commands: [RedisCommand]) -> Self {
        Self(kind: .atomic(commands))
    }

    /// A write's commands on `key`, run in one call of the type-guard script: nothing runs when the key holds
    /// another type than `type`, and the commands stop at the first that fails (see ``RedisGuardedWrite``).
    /// `key` is usually the operation's own; another key makes the step run there (a list move's destination).
    ///
    /// - Throws: ``RedisSchemaError/invalidArgument(key:message:)`` for a command with more arguments than a
    ///   script can pass on (7,996).
    public static func guarded(
        _ commands: [RedisCommand], key: String, type: RedisKeyType
    ) throws(RedisSchemaError) -> Self {
        if let long = commands.first(where: { $0.arguments.count > RedisScript.maximumArgumentsPerCommand }) {
            throw .invalidArgument(
                key: key,
                message: "\(long.name) has \(long.arguments.count - 1) arguments, more than a guarded write sends "
                    + "in one command (\(RedisScript.maximumArgumentsPerCommand - 1)); write it in parts")
        }
        return Self(
            kind: .script(
                TypeGuardScript.script, arguments: TypeGuardScript.arguments(commands, type: type), type: type,
                commands: commands),
            stepKey: key)
    }

    /// Deletes a string key only while it holds `value`, byte for byte (the release of a lock); the reply is 1
    /// when it deleted the key, 0 otherwise.
    public static func deleteIfEqual(to value: [UInt8]) -> Self {
        Self(
            kind: .script(
                CompareAndDeleteScript.script, arguments: [Array("string".utf8), value], type: .string,
                commands: nil))
    }

    /// The script this step calls, if any.
    var script: RedisScript? {
        if case .script(let script, _, _, _) = kind { return script }
        return nil
    }

    /// The commands this step puts on the wire. `inTransaction` leaves out the `MULTI`…`EXEC` of an atomic step
    /// inside a batch that is one already; `bySource` sends a script with `EVAL` and its source.
    func wire(key: String, inTransaction: Bool, bySource: Bool) -> [RedisCommand] {
        switch kind {
        case .command(let command): return [command]
        case .atomic(let commands):
            return inTransaction ? commands : [RedisCommand("MULTI")] + commands + [RedisCommand("EXEC")]
        case .script(let script, let arguments, _, _):
            return [script.call(key: stepKey ?? key, arguments: arguments, bySource: bySource)]
        }
    }

    /// How many replies ``wire(key:inTransaction:bySource:)`` gets.
    func wireCount(inTransaction: Bool) -> Int {
        switch kind {
        case .command, .script: return 1
        case .atomic(let commands): return commands.count + (inTransaction ? 0 : 2)
        }
    }

    /// The step's own replies from the replies to its wire commands, or the error that stands for them.
    func replies(from wire: ArraySlice<RESPValue>, key operationKey: String, inTransaction: Bool)
        throws(RedisSchemaError) -> [RESPValue]
    {
        let key = stepKey ?? operationKey
        switch kind {
        case .command(let command):
            let reply = wire[wire.startIndex]
            if case .error(let error) = reply {
                throw .commandFailed(key: key, command: command.name, error: error)
            }
            return [reply]
        case .atomic(let commands):
            if inTransaction {
                for (command, reply) in zip(commands, wire) {
                    if case .error(let error) = reply {
                        throw .commandFailed(key: key, command: command.name, error: error)
                    }
                }
                return Array(wire)
            }
            return try RedisTransaction.results(of: wire, commands: commands, key: key)
        case .script(_, _, let type, let commands):
            return try Self.scriptReplies(wire[wire.startIndex], commands: commands, key: key, type: type)
        }
    }

    private static func scriptReplies(
        _ reply: RESPValue, commands: [RedisCommand]?, key: String, type: RedisKeyType
    ) throws(RedisSchemaError) -> [RESPValue] {
        if case .error(let error) = reply {
            if let actual = RedisScript.actualType(in: error, expected: type) {
                throw .wrongType(key: key, expected: type, actual: actual)
            }
            throw .commandFailed(key: key, command: "EVALSHA", error: error)
        }
        guard let commands else { return [RedisScript.fromLua(reply)] }
        let replies = try RedisReply.array(reply, key: key, command: "EVALSHA").map(RedisScript.fromLua)
        for (command, reply) in zip(commands, replies) {
            if case .error(let error) = reply {
                throw .commandFailed(key: key, command: command.name, error: error)
            }
        }
        guard replies.count == commands.count else {
            throw .unexpectedReply(key: key, command: "EVALSHA", reply: "\(replies.count) replies")
        }
        return replies
    }
}
