import ArgumentParser
import Foundation
import RedisSchema
import RedisSchemaClient
import RedisSchemaCore
import RedisSchemaLint

/// `redis-schema validate`: lints a live Redis against the schema, read-only.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the keys of a live Redis against the schema (read-only).",
        discussion: """
            Scans the keyspace with SCAN and checks every key's TYPE and PTTL against the schema, in \
            pipelined batches. Sends only HELLO, AUTH, CLIENT SETNAME, SELECT, DBSIZE, SCAN, TYPE and \
            PTTL (and INFO cluster, server, cpu and stats; on a cluster CLUSTER SHARDS or SLOTS, READONLY, ASKING): \
            it never writes. Rules: unknown-key, wrong-type, missing-ttl, ttl-exceeds, \
            unexpected-ttl, bad-param (see docs/validate.md).

            Pacing: by default (--rate adaptive) the scan runs at full speed while the server has no other \
            clients and takes a small share of its time, in small units, while it has; --rate max always \
            runs at full speed (for staging), --rate N at most N keys per second (see docs/validate.md).

            A dropped connection (CLIENT KILL, a restart, a reply timeout) is reconnected and the scan \
            goes on from the last batch it counted; after --retry-for seconds without success the partial \
            report is printed with the cursor to resume from.

            Pointed at any node of a Redis Cluster, it reads the topology (CLUSTER SHARDS, else CLUSTER \
            SLOTS) and scans every shard at once, each on its own --connections: the primaries, or with \
            --replicas one healthy replica per shard (READONLY). MOVED and ASK during a reshard are \
            followed (ASKING), never reported. The report lists every node with its slots, keys and \
            status; a node that fails is named with its error and the others go on (exit 4). A stopped \
            cluster run prints a slots:… token for --cursor, covering every shard.

            --deep reads inside a sample of values with bounded reads (HSCAN, HMGET, LLEN, LRANGE, XLEN, \
            XREVRANGE, SSCAN, ZSCAN, STRLEN, GETRANGE; MEMORY USAGE with --max-key-bytes): rules \
            undeclared-field, missing-field, bad-value, too-long, big-key.

            --memory reads MEMORY USAGE of a sample of the scanned keys (--memory-sample, 1% by default) and \
            estimates each pattern's and each unknown shape's memory, with a 95% interval and the largest keys.

            Exit codes: 0 no error-severity violation, 1 violations, 2 usage or schema error, \
            3 connection or authentication error (after --retry-for, with the partial report printed), \
            4 incomplete scan (a cluster node that failed, a cluster whose topology could not be read, \
            or a sample that checked no key; the report is printed), 130 interrupted by Ctrl-C, 143 stopped by SIGTERM (the partial report is printed).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, sarif
    }

    @OptionGroup var schemaArgument: SchemaArgument

    @OptionGroup(title: "Connection")
    var connection: ConnectionOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Only scan keys matching this glob (SCAN … MATCH).", valueName: "glob"))
    var match: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Start from this SCAN cursor (or a cluster run's slots:… token), to resume an interrupted run.",
            valueName: "n"))
    var cursor = "0"

    @Option(
        name: .customLong("max-keys"), parsing: .unconditional,
        help: ArgumentHelp("Stop after about this many keys.", valueName: "n"))
    var maxKeys: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Check only this fraction of the scanned keys, e.g. 0.05.", valueName: "rate"))
    var sample = 1.0

    @Option(
        parsing: .unconditional,
        help: "Connections (per node on a cluster): one carries SCAN, the others TYPE/PTTL batches.")
    var connections = 2

    @Flag(
        help: "On a Redis Cluster, scan one replica per shard (READONLY) instead of the primaries, to spare them.")
    var replicas = false

    @OptionGroup(title: "Pacing") var pacing: PacingOptions

    @Option(
        name: .customLong("retry-for"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds to keep reconnecting after a drop before giving up with a partial report (0: give up at once).",
            valueName: "seconds"))
    var retryFor: Double = 60

    @Option(parsing: .unconditional, help: "Example violations to show per rule and pattern.")
    var examples = 5

    @Option(
        name: .customLong("error"), help: ArgumentHelp("Treat this rule's violations as errors.", valueName: "rule"))
    var errorRules: [String] = []

    @Option(
        name: .customLong("warn"), help: ArgumentHelp("Treat this rule's violations as warnings.", valueName: "rule"))
    var warnRules: [String] = []

    @Option(name: .customLong("ignore"), help: ArgumentHelp("Do not check this rule.", valueName: "rule"))
    var ignoredRules: [String] = []

    @Option(help: ArgumentHelp("Accept the violations recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp("Record this run's violations as a baseline file.", valueName: "file"))
    var writeBaseline: String?

    @OptionGroup(title: "Deep checks") var deepChecks: DeepCheckOptions

    @OptionGroup(title: "Memory") var memoryChecks: MemoryCheckOptions

    @Option(help: "Output: text, json, github (workflow annotations) or sarif.")
    var format: Format = .text

    @Flag(name: .customLong("no-progress"), help: "No progress line on standard error.")
    var noProgress = false

    func validate() throws {
        guard sample > 0, sample <= 1 else { throw ValidationError("--sample must be in (0, 1], e.g. 0.05") }
        guard connections >= 1 else { throw ValidationError("--connections must be at least 1") }
        guard examples >= 0 else { throw ValidationError("--examples must not be negative") }
        if let maxKeys, maxKeys < 1 { throw ValidationError("--max-keys must be at least 1") }
        guard retryFor.isFinite, retryFor >= 0, retryFor <= ConnectionOptions.maxTimeoutSeconds else {
            throw ValidationError("--retry-for takes a number of seconds from 0 to 86400 (one day)")
        }
        if let match, match.isEmpty {
            throw ValidationError("--match needs a glob; an empty one matches no key but the empty one")
        }
        // SCAN cursors are unsigned 64-bit integers written in ASCII digits; anything else the server
        // would refuse mid-run, so it is a usage error here.
        if ClusterResumeToken.looksLikeToken(cursor) {
            // A cluster run's token; whether it fits the cluster is checked once the topology is read.
            do {
                _ = try ClusterResumeToken(parsing: cursor)
            } catch {
                throw ValidationError("--cursor: \(error)")
            }
        } else {
            guard !cursor.isEmpty, cursor.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                UInt64(cursor) != nil
            else {
                throw ValidationError(
                    "--cursor takes the number a previous run printed (0 to \(UInt64.max)), or a cluster run's "
                        + "`slots:…` token")
            }
        }
        _ = try policy()
    }

    func policy() throws -> RulePolicy {
        var policy = RulePolicy()
        for (names, severity) in [(errorRules, LintSeverity.error), (warnRules, .warning), (ignoredRules, .ignore)] {
            for name in names {
                guard let rule = LintRule(rawValue: name) else {
                    let known = LintRule.allCases.map(\.id).joined(separator: ", ")
                    throw ValidationError("unknown rule `\(name)`; the rules are \(known)")
                }
                policy.set(rule, to: severity)
            }
        }
        return policy
    }

    func run() async throws {
        let schema = try schemaArgument.loadOrExit(printWarnings: format == .text, classWhenInvalid: .usage)
        var configuration = KeyspaceLinter.Configuration()
        configuration.policy = try policy()
        configuration.examplesPerRule = examples
        configuration.scan.match = match
        configuration.scan.cursor = cursor
        configuration.scan.maxKeys = maxKeys
        configuration.scan.sampleRate = sample
        pacing.apply(to: &configuration.scan)
        configuration.scan.retryFor = .milliseconds(Int64(retryFor * 1000))
        configuration.deep = deepChecks.options
        configuration.memory = memoryChecks.options
        if let baseline {
            do {
                configuration.baseline = try Baseline.load(from: baseline)
            } catch {
                throw CommandFailure(.usage, error)
            }
        }

        let environment = ProcessInfo.processInfo.environment
        var connectionConfiguration: RedisConnectionConfiguration
        do {
            connectionConfiguration = try connection.configuration(environment: environment, database: schema.database)
        } catch {
            throw CommandFailure(.usage, error)
        }
        // `--retry-for 0` gives up at the first drop, also one that no request was in flight to notice.
        if retryFor == 0 { connectionConfiguration.reconnection = .never }
        // A `/db` in the URL overrides the schema's database; the report names the one scanned.
        configuration.database = connectionConfiguration.database

        let (outcome, stoppedBy) = try await scan(schema, configuration, connectionConfiguration)
        try write(outcome, stoppedBy: stoppedBy)
    }

    private func scan(
        _ schema: Schema, _ configuration: KeyspaceLinter.Configuration,
        _ connectionConfiguration: RedisConnectionConfiguration
    ) async throws -> (KeyspaceLinter.Outcome, InterruptHandler.StopSignal?) {
        let server = connectionConfiguration.redactedURL
        var clients: [RedisConnection] = []
        do {
            for _ in 0..<connections {
                clients.append(try await RedisConnection.connect(connectionConfiguration))
            }
        } catch {
            for client in clients { await client.close() }
            throw CommandFailure(
                .connection,
                message: Self.connectMessage(for: error, tls: connectionConfiguration.tls != nil)
                    ?? CommandFailure.message(for: error))
        }
        if let topology = await clusterTopology(clients[0], connectionConfiguration) {
            for client in clients { await client.close() }
            return try await scanCluster(schema, configuration, topology: topology, seed: connectionConfiguration)
        }
        if ClusterResumeToken.looksLikeToken(cursor) {
            for client in clients { await client.close() }
            throw CommandFailure(
                .usage,
                message: "--cursor takes a cluster run's token, but \(connectionConfiguration.endpoint) is not a "
                    + "cluster whose topology can be read: pass the number a single server's run printed")
        }
        let result = await lint(
            schema, configuration, clients, server: server, username: connectionConfiguration.username ?? "default")
        for client in clients { await client.close() }
        return try result.get()
    }

    /// The cluster's topology when the server is a cluster node; `nil` for a standalone server, or
    /// when the topology cannot be read (said on standard error: the run then scans this node alone and
    /// reports `cluster-node`). A failure here is left for the scan to report.
    private func clusterTopology(
        _ client: RedisConnection, _ configuration: RedisConnectionConfiguration
    ) async -> RedisClusterTopology? {
        guard (try? await KeyspaceLinter.isClusterNode(client)) == true else { return nil }
        do {
            return try await RedisClusterTopology.read(from: client, seed: configuration)
        } catch {
            FileHandleOutput.standardError.write(
                "\(configuration.endpoint) is a Redis Cluster node but its topology could not be read "
                    + "(\(CommandFailure.message(for: error))): scanning only this node's keys\n")
            return nil
        }
    }

    private func lint(
        _ schema: Schema, _ configuration: KeyspaceLinter.Configuration, _ clients: [RedisConnection], server: String,
        username: String
    ) async -> Result<(KeyspaceLinter.Outcome, InterruptHandler.StopSignal?), CommandFailure> {
        let linter = KeyspaceLinter(schema: schema, configuration: configuration)
        let progress = ProgressLine(enabled: !noProgress && FileHandleOutput.standardError.isTerminal)
        let checkClients = clients.count > 1 ? Array(clients.dropFirst()) : clients
        let scanClient = clients[0]
        let task = Task {
            try await linter.run(
                scanClient: scanClient, checkClients: checkClients, server: server,
                progress: { update in progress.show(update) },
                reconnections: { clients.reduce(0) { $0 + $1.reconnections } })
        }
        let interrupt = Self.finishOnSignal { task.cancel() }
        defer { interrupt.stop() }
        do {
            let outcome = try await task.value
            progress.clear()
            return .success((outcome, interrupt.received))
        } catch LintError.serverError(let command, let error)
            where error.code == "NOPERM" && error.message.lowercased().contains("key")
        {
            // Redis names a missing key permission ("No permissions to access a key"); granting the
            // command would not help, the user's key patterns (`~…`) must cover every key scanned.
            progress.clear()
            return .failure(
                CommandFailure(
                    .connection,
                    message: "the ACL user `\(username)` may not read some keys with `\(command)` (\(error.message)). "
                        + "This is a key permission, not a command one: validate reads the TYPE and TTL of every key "
                        + "it scans, so grant read access to all keys with: ACL SETUSER \(username) %R~*"))
        } catch LintError.serverError("MEMORY", let error) where error.code == "NOPERM" {
            // Only --memory and --max-key-bytes send MEMORY USAGE; the base ACL rightly lacks it.
            progress.clear()
            return .failure(
                CommandFailure(
                    .connection,
                    message: "the ACL user `\(username)` may not run `MEMORY USAGE` (\(error.message)), which "
                        + "--memory and --max-key-bytes need; grant it with: ACL SETUSER \(username) +memory|usage"))
        } catch LintError.serverError(let command, let error) where error.code == "NOPERM" {
            progress.clear()
            return .failure(
                CommandFailure(
                    .connection,
                    message: "the ACL user `\(username)` may not run `\(command)` (\(error.message)). validate needs "
                        + "only read-only commands; grant them with: ACL SETUSER \(username) \(Self.requiredACL)"))
        } catch {
            progress.clear()
            return .failure(CommandFailure(.connection, error))
        }
    }

    private func write(_ outcome: KeyspaceLinter.Outcome, stoppedBy: InterruptHandler.StopSignal?) throws {
        let report = outcome.report
        if let writeBaseline {
            if let problem = outcome.baselineProblem {
                throw CommandFailure(.usage, message: "cannot write `\(writeBaseline)`: \(problem)")
            }
            do {
                try outcome.baseline.encoded().write(to: URL(fileURLWithPath: writeBaseline))
            } catch {
                throw CommandFailure(.usage, message: "cannot write `\(writeBaseline)`: \(error.localizedDescription)")
            }
        }
        let output: String
        switch format {
        case .text:
            let useColor =
                FileHandleOutput.standardOutput.isTerminal
                && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            output = TextReportRenderer.render(report, useColor: useColor)
        case .json:
            output = JSONReportRenderer.render(report)
        case .github:
            output = GitHubReportRenderer.render(report)
        case .sarif:
            output = SARIFReportRenderer.render(report, toolVersion: RedisSchemaCommand.configuration.version)
        }
        FileHandleOutput.standardOutput.write(output.hasSuffix("\n") ? output : output + "\n")
        if report.summary.interrupted {
            if let cursor = report.summary.resumeCursor {
                FileHandleOutput.standardError.write("resume with: --cursor \(cursor)\n")
            }
            throw CommandFailure(stoppedBy == .terminate ? .terminated : .interrupted)
        }
        if let failure = outcome.connectionFailure, report.nodes != nil {
            throw CommandFailure(.connection, message: CommandFailure.message(for: failure))
        }
        if let failure = outcome.connectionFailure {
            // The report is printed; what is left to say is why the scan stopped and where to go on.
            var message =
                "the connection did not come back within --retry-for \(Self.seconds(retryFor)): "
                + CommandFailure.message(for: failure)
            if let cursor = report.summary.resumeCursor { message += "\nresume with: --cursor \(cursor)" }
            throw CommandFailure(.connection, message: message)
        }
        let failing = report.summary.partialReasons.filter(\.failsRun)
        if !failing.isEmpty {
            var message = "the scan did not cover the keyspace: " + failing.map(\.explanation).joined(separator: "; ")
            for node in report.nodes ?? [] where node.status == .failed {
                message += "\n\(node.address) (slots \(node.slots)): \(node.error ?? "failed")"
            }
            if report.nodes != nil, let cursor = report.summary.resumeCursor {
                message += "\nresume with: --cursor \(cursor)"
            }
            throw CommandFailure(.incomplete, message: message)
        }
        if report.summary.errors > 0 { throw CommandFailure(.violations) }
    }
}

extension ValidateCommand {
    /// What a failure while connecting most likely means, when the generic wording would mislead: a
    /// TLS/plain mismatch shows up as a silent handshake (TLS to a plain server), a closed connection
    /// (plain to a TLS port), or garbage in the reply, and is never a killed client or an overloaded server.
    static func connectMessage(for error: any Error, tls: Bool) -> String? {
        guard let error = error as? RedisConnectionError else { return nil }
        switch (error, tls) {
        case (.commandTimeout(let endpoint, _), true):
            return "\(endpoint) did not answer the TLS handshake: the server does not speak TLS on this port "
                + "(connect with redis://, or use the server's tls-port)"
        case (.tlsHandshakeFailed(let endpoint, let reason), true)
        where reason.lowercased().contains("version") || reason.lowercased().contains("record"):
            return "\(endpoint) answered in plain text: the server does not speak TLS on this port "
                + "(connect with redis://, or use the server's tls-port)"
        case (.connectionClosed(let endpoint), false), (.protocolError(let endpoint, _), false):
            return "\(endpoint) closed the connection or answered in something other than RESP during the handshake: "
                + "if the port is a TLS port, connect with rediss://; if the server has reached maxclients, "
                + "retry later"
        default:
            return nil
        }
    }

    /// Ctrl-C or SIGTERM: says that the batches in flight are being finished, then `cancel`s the scan,
    /// whose partial report is printed as usual; a second signal quits at once.
    static func finishOnSignal(_ cancel: @escaping @Sendable () -> Void) -> InterruptHandler {
        InterruptHandler { signal in
            let what = signal == .interrupt ? "interrupted" : "terminated (SIGTERM)"
            let again = signal == .interrupt ? "Ctrl-C" : "a signal"
            FileHandleOutput.standardError.write(
                "\n\(what): finishing the batches in flight (\(again) again to quit at once)\n")
            cancel()
        }
    }

    /// `60 s`, `0.5 s`: a number of seconds as the options take it.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// The permissions validate needs, as an ACL rule list (also in docs/validate.md).
    static let requiredACL =
        "-@all +hello +auth +client|setname +select +ping +info +dbsize +scan +type +pttl "
        + "+cluster|shards +cluster|slots +readonly +asking"
}
