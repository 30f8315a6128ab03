/// What `INFO cpu` and `INFO stats` say about how busy a server is, at one moment.
struct ServerLoadSample: Sendable, Hashable {
    /// `used_cpu_user + used_cpu_sys`: the server's CPU seconds since it started.
    var cpuSeconds: Double
    /// `total_commands_processed`, every client's.
    var commandsProcessed: Int

    /// Reads the two fields out of the text of `INFO cpu` followed by `INFO stats` (in any order,
    /// one or both replies); `nil` when a field is missing.
    init?(info text: String) {
        var user: Double?
        var system: Double?
        var commands: Int?
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            switch line[..<colon] {
            case "used_cpu_user": user = Double(value)
            case "used_cpu_sys": system = Double(value)
            case "total_commands_processed": commands = Int(value)
            default: continue
            }
        }
        guard let user, let system, let commands else { return nil }
        self.init(cpuSeconds: user + system, commandsProcessed: commands)
    }

    init(cpuSeconds: Double, commandsProcessed: Int) {
        self.cpuSeconds = cpuSeconds
        self.commandsProcessed = commandsProcessed
    }
}

/// How the server and `validate` were doing between two samples: what ``AdaptivePacer`` decides on.
struct LoadObservation: Sendable, Hashable {
    /// Wall-clock seconds between the samples.
    var seconds: Double
    /// Server CPU seconds per wall-clock second (0 idle, 1 one core saturated); `nil` when the server
    /// does not say (`INFO` refused).
    var serverBusy: Double?
    /// Commands per second that clients other than `validate` sent; `nil` when unknown.
    var otherCommandsPerSecond: Double?
    /// Keys `validate` scanned per second.
    var ownKeysPerSecond: Double
    /// How much longer the interval's SCAN calls took (the median) than the fastest SCAN call of the
    /// same size seen so far; `nil` when there was none.
    var scanDelay: Duration?

    /// The observation between `before` and `after`, `seconds` apart, during which `validate` itself
    /// had `ownCommands` commands processed and scanned `ownKeys` keys.
    init(
        from before: ServerLoadSample?, to after: ServerLoadSample?, seconds: Double, ownCommands: Int, ownKeys: Int,
        scanDelay: Duration?
    ) {
        self.seconds = seconds
        self.ownKeysPerSecond = seconds > 0 ? Double(ownKeys) / seconds : 0
        self.scanDelay = scanDelay
        if let before, let after, seconds > 0, after.commandsProcessed >= before.commandsProcessed {
            serverBusy = max(0, after.cpuSeconds - before.cpuSeconds) / seconds
            let others = after.commandsProcessed - before.commandsProcessed - ownCommands
            otherCommandsPerSecond = Double(max(0, others)) / seconds
        } else {
            // A restart in between (the counters went back) or a server that refuses INFO.
            serverBusy = nil
            otherCommandsPerSecond = nil
        }
    }

    init(
        seconds: Double, serverBusy: Double?, otherCommandsPerSecond: Double?, ownKeysPerSecond: Double,
        scanDelay: Duration? = nil
    ) {
        self.seconds = seconds
        self.serverBusy = serverBusy
        self.otherCommandsPerSecond = otherCommandsPerSecond
        self.ownKeysPerSecond = ownKeysPerSecond
        self.scanDelay = scanDelay
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
