import RedisSchema

/// A client that records each pipeline and answers with scripted replies, or by default with replies
/// shaped like Redis' own (`+OK`, `+QUEUED`, an `EXEC` array of the queued commands' replies, `:1`, and a
/// type-guard script's array of `:1`).
///
/// A type-guarded write is recorded readably: `guard <type> on <key>`, then its commands one by one. Every
/// pipeline is one round trip; ``commandNames`` keeps the names of the commands on the wire (`EVAL`, `EVALSHA`).
actor RecordingClient: RedisClientProtocol {
    private(set) var pipelines: [[String]] = []
    private(set) var commandNames: [[String]] = []
    private var scripted: [[RESPValue]]

    init(replies: [[RESPValue]] = []) {
        self.scripted = replies
    }

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        pipelines.append(commands.flatMap(Self.lines))
        commandNames.append(commands.map(\.name))
        if !scripted.isEmpty { return scripted.removeFirst() }
        var replies: [RESPValue] = []
        var queued: [RESPValue]?
        for command in commands {
            switch command.name {
            case "MULTI":
                queued = []
                replies.append(.simpleString(Array("OK".utf8)))
            case "EXEC":
                replies.append(.array(queued ?? []))
                queued = nil
            default:
                let reply = Self.guardedCommands(command).map {
                    RESPValue.array(Array(repeating: .integer(1), count: $0.count))
                }
                if queued != nil {
                    queued?.append(reply ?? .integer(1))
                    replies.append(.simpleString(Array("QUEUED".utf8)))
                } else {
                    replies.append(reply ?? .integer(1))
                }
            }
        }
        return replies
    }

    private static func text(_ arguments: some Sequence<[UInt8]>) -> String {
        arguments.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    private static func lines(_ command: RedisCommand) -> [String] {
        guard let guarded = guardedCommands(command) else { return [text(command.arguments)] }
        let header = "guard \(text([command.arguments[4]])) on \(text([command.arguments[3]]))"
        return [header] + guarded.map { text($0) }
    }

    /// The commands inside a call of the type-guard script (`EVALSHA sha 1 key type (count args…)…`).
    static func guardedCommands(_ command: RedisCommand) -> [[[UInt8]]]? {
        let arguments = command.arguments
        guard command.name == "EVALSHA" || command.name == "EVAL", arguments.count >= 5 else { return nil }
        var commands: [[[UInt8]]] = []
        var index = 5
        while index < arguments.count, let count = Int(String(decoding: arguments[index], as: UTF8.self)) {
            commands.append(Array(arguments[(index + 1)...(index + count)]))
            index += count + 1
        }
        return commands
    }
}
