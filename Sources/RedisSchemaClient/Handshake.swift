import NIOCore
import RedisSchema

/// The commands that make a fresh connection usable: protocol, credentials, name and database.
///
/// Each attempt is one pipeline, so connecting costs one round trip (two against servers without `HELLO`).
struct Handshake {
    let configuration: RedisConnectionConfiguration
    let channel: any Channel
    let failure: ConnectionFailure

    /// Runs the handshake and returns the negotiated RESP version.
    func run() async throws(RedisConnectionError) -> Int {
        switch self.configuration.protocolVersion {
        case .resp2:
            try await self.runLegacy()
            return 2
        case .resp3:
            var arguments: [any RedisArgumentConvertible] = ["3"]
            if let password = self.configuration.password {
                arguments += ["AUTH", self.configuration.username ?? "default", password]
            }
            if let clientName = self.configuration.clientName {
                arguments += ["SETNAME", clientName]
            }
            var commands = [RedisCommand("HELLO", arguments: arguments)]
            if self.configuration.database != 0 {
                commands.append(RedisCommand("SELECT", self.configuration.database))
            }
            let replies = try await self.send(commands)
            if case .error(let error) = replies.first {
                // Redis < 6 does not know HELLO; a server built without RESP3 answers NOPROTO.
                if Self.isUnknownCommand(error) || error.code == "NOPROTO" {
                    try await self.runLegacy()
                    return 2
                }
                throw self.map(error)
            }
            try self.checkSelect(replies.dropFirst().first)
            return 3
        }
    }

    /// The RESP2 handshake: `AUTH`, `CLIENT SETNAME`, `SELECT`, pipelined.
    private func runLegacy() async throws(RedisConnectionError) {
        var commands: [RedisCommand] = []
        let authenticates = self.configuration.password != nil
        if let password = self.configuration.password {
            if let username = self.configuration.username {
                commands.append(RedisCommand("AUTH", username, password))
            } else {
                commands.append(RedisCommand("AUTH", password))
            }
        }
        let names = self.configuration.clientName != nil
        if let clientName = self.configuration.clientName {
            commands.append(RedisCommand("CLIENT", "SETNAME", clientName))
        }
        let selects = self.configuration.database != 0
        if selects {
            commands.append(RedisCommand("SELECT", self.configuration.database))
        }
        if commands.isEmpty {
            // Nothing to set up, but a PING proves that a Redis server is answering.
            commands.append(RedisCommand("PING"))
        }
        var replies = try await self.send(commands)[...]
        if authenticates, case .error(let error) = replies.popFirst() {
            throw self.map(error)
        }
        if names, case .error(let error) = replies.popFirst() {
            // A missing name is cosmetic, unless it reveals that authentication is required.
            if error.code == "NOAUTH" {
                throw self.map(error)
            }
        }
        if selects {
            try self.checkSelect(replies.popFirst())
        } else if case .error(let error) = replies.first {
            throw self.map(error)
        }
    }

    private func checkSelect(_ reply: RESPValue?) throws(RedisConnectionError) {
        guard case .error(let error) = reply else { return }
        if let mapped = RedisConnectionError(
            error,
            endpoint: self.configuration.endpoint,
            username: self.configuration.username
        ) {
            throw mapped
        }
        throw .invalidDatabase(
            endpoint: self.configuration.endpoint,
            database: self.configuration.database,
            serverMessage: self.redact(error.message)
        )
    }

    private func send(_ commands: [RedisCommand]) async throws(RedisConnectionError) -> [RESPValue] {
        do {
            let replies = try await RedisConnection.pipeline(
                commands,
                on: self.channel,
                failure: self.failure,
                endpoint: self.configuration.endpoint
            )
            guard replies.count == commands.count else {
                throw RedisConnectionError.protocolError(
                    endpoint: self.configuration.endpoint,
                    reason: "the handshake got \(replies.count) replies to \(commands.count) commands"
                )
            }
            return replies
        } catch {
            throw RedisConnection.mapConnectError(error, configuration: self.configuration)
        }
    }

    private func map(_ error: RedisServerError) -> RedisConnectionError {
        if let mapped = RedisConnectionError(
            error,
            endpoint: self.configuration.endpoint,
            username: self.configuration.username
        ) {
            return mapped
        }
        return .handshakeFailed(endpoint: self.configuration.endpoint, serverMessage: self.redact(error.message))
    }

    /// Servers echo the first arguments of a rejected command, which for `HELLO ... AUTH` include the password.
    private func redact(_ message: String) -> String {
        guard let password = self.configuration.password, !password.isEmpty else { return message }
        var result = ""
        var rest = message[...]
        while let range = rest.firstRange(of: password) {
            result += rest[..<range.lowerBound]
            result += "***"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    static func isUnknownCommand(_ error: RedisServerError) -> Bool {
        error.code == "ERR" && error.message.lowercased().contains("unknown command")
    }
}
