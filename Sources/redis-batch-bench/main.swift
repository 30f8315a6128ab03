// Measures generated operations on one connection: N increments of one generated counter key (a type-guarded
// INCRBY + EXPIRE each), sent one at a time, in pipelined batches, and in MULTI/EXEC transactions. For each
// run it prints one record line: the mode, the increments, wall seconds, this process's CPU seconds and the
// server's (INFO cpu). scripts/bench-client turns the records of several runs into a table of medians.
//
//   redis-batch-bench --port PORT [--host 127.0.0.1] [--increments 100000] [--batch 100] [--runs 1]
//
// Record lines: `record<TAB>mode<TAB>increments<TAB>wall s<TAB>client CPU s<TAB>server CPU s`. The counter
// must hold exactly the number of increments after each run; the program exits with status 1 otherwise.

import BenchSupport
import Logging
import RedisSchema
import RedisSchemaClient

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the increments reach the server.
enum Mode: String, CaseIterable {
    case oneAtATime = "one at a time"
    case batch = "execute, batches"
    case transaction = "transaction, batches"

    /// Sends `count` increments of `key`, `batch` per round trip unless one at a time.
    func run(_ count: Int, of key: BenchKeys.Counter, batch: Int, on connection: RedisConnection) async throws {
        var sent = 0
        while sent < count {
            let size = self == .oneAtATime ? 1 : min(batch, count - sent)
            switch self {
            case .oneAtATime:
                try await key.increment(by: 1, on: connection)
            case .batch:
                try await connection.execute((0..<size).map { _ in try key.increment(by: 1) })
            case .transaction:
                try await connection.transaction((0..<size).map { _ in try key.increment(by: 1) })
            }
            sent += size
        }
    }
}

struct Options {
    static let usage =
        "usage: redis-batch-bench --port PORT [--host 127.0.0.1] [--increments 100000] [--batch 100] [--runs 1]"

    var host: String
    var port: Int
    var increments: Int
    var batch: Int
    var runs: Int

    init?(_ arguments: [String]) {
        guard
            let arguments = BenchArguments(
                arguments, options: ["--host", "--port", "--increments", "--batch", "--runs"]),
            arguments.contains("--port"),
            let port = arguments.positiveInt("--port", default: 6379),
            let increments = arguments.positiveInt("--increments", default: 100_000),
            let batch = arguments.positiveInt("--batch", default: 100),
            let runs = arguments.positiveInt("--runs", default: 1)
        else { return nil }
        self.host = arguments.string("--host", default: "127.0.0.1")
        (self.port, self.increments, self.batch, self.runs) = (port, increments, batch, runs)
    }
}

/// One measured run from an absent key; fails the program when the counter does not end at `count`.
func measure(
    _ mode: Mode, count: Int, of key: BenchKeys.Counter, batch: Int, on connection: RedisConnection
) async throws -> (wall: Double, client: Double, server: Double) {
    _ = try await connection.send("DEL", key.key)
    let serverBefore = try await CPUTime.ofServer(connection)
    let clientBefore = CPUTime.ofThisProcess()
    let start = ContinuousClock.now
    try await mode.run(count, of: key, batch: batch, on: connection)
    let wall = (ContinuousClock.now - start).inSeconds
    let client = CPUTime.ofThisProcess() - clientBefore
    let server = try await CPUTime.ofServer(connection) - serverBefore
    let value = try await key.get(on: connection)
    guard value == count else {
        // On stderr: scripts/bench-client keeps only the record lines of stdout.
        printError("redis-batch-bench: \(mode.rawValue): the counter holds \(value) after \(count) increments")
        exit(1)
    }
    return (wall, client, server)
}

guard let options = Options(Array(CommandLine.arguments.dropFirst())) else {
    printError(Options.usage)
    exit(2)
}

let configuration = RedisConnectionConfiguration(host: options.host, port: options.port, commandTimeout: .seconds(120))
let connection = try await RedisConnection.connect(configuration, logger: Logger(label: "bench"))
let key = try BenchKeys.Counter(id: "x")
// A warm-up per mode, unmeasured: it also puts the type-guard script in the server's cache.
for mode in Mode.allCases {
    _ = try await measure(mode, count: min(1_000, options.increments), of: key, batch: options.batch, on: connection)
}
for _ in 0..<options.runs {
    for mode in Mode.allCases {
        let (wall, client, server) = try await measure(
            mode, count: options.increments, of: key, batch: options.batch, on: connection)
        let name = mode == .oneAtATime ? mode.rawValue : "\(mode.rawValue) of \(options.batch)"
        print(
            ["record", name, String(options.increments), "\(wall)", "\(client)", "\(server)"].joined(separator: "\t"))
    }
}
await connection.close()
