import RedisSchema

/// A client that records each pipeline and answers with scripted replies, or by default with replies
/// shaped like Redis' own (`+OK`, `+QUEUED`, and an `EXEC` array of `:1`).
actor RecordingClient: RedisClientProtocol {
    private(set) var pipelines: [[String]] = []
    private var scripted: [[RESPValue]]

    init(replies: [[RESPValue]] = []) {
        self.scripted = replies
    }

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        pipelines.append(
            commands.map { $0.arguments.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ") })
        if !scripted.isEmpty { return scripted.removeFirst() }
        guard commands.first?.name == "MULTI" else { return commands.map { _ in .integer(1) } }
        let queued = commands.count - 2
        return [.simpleString(Array("OK".utf8))] + Array(repeating: .simpleString(Array("QUEUED".utf8)), count: queued)
            + [.array(Array(repeating: .integer(1), count: queued))]
    }
}
