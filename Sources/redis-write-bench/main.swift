// Measures what safe writes cost: N generated-code-shaped writes on one connection, sent the old way
// (`MULTI`, the commands, `EXEC` in one pipeline) and through the type-guard script (`EVALSHA`), one at a
// time (latency) and with many in flight (throughput), with the server's CPU time per write.
//
//   redis-write-bench --port 6379 [--host 127.0.0.1] [--writes 20000] [--in-flight 64]

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

struct Options {
    var host: String
    var port: Int
    var writes: Int
    var inFlight: Int

    init?(_ arguments: [String]) {
        guard
            let arguments = BenchArguments(arguments, options: ["--host", "--port", "--writes", "--in-flight"]),
            let port = arguments.positiveInt("--port", default: 6379),
            let writes = arguments.positiveInt("--writes", default: 20_000),
            let inFlight = arguments.positiveInt("--in-flight", default: 64)
        else { return nil }
        self.host = arguments.string("--host", default: "127.0.0.1")
        (self.port, self.writes, self.inFlight) = (port, writes, inFlight)
    }
}

/// How a write's commands reach the server.
enum Path: String, CaseIterable {
    case multiExec = "MULTI/EXEC"
    case guardedScript = "EVALSHA guard"

    func send(_ commands: [RedisCommand], key: String, type: RedisKeyType, on connection: RedisConnection)
        async throws
    {
        switch self {
        case .multiExec: _ = try await RedisTransaction.execute(commands, key: key, on: connection)
        case .guardedScript: _ = try await RedisGuardedWrite.execute(commands, key: key, type: type, on: connection)
        }
    }
}

/// A write shaped like one of generated code's.
struct Workload {
    let name: String
    let type: RedisKeyType
    let commands: @Sendable (String) -> [RedisCommand]

    static let all = [
        Workload(name: "counter: INCRBY + EXPIRE", type: .string) {
            [RedisCommand("INCRBY", $0, 1), RedisCommand("EXPIRE", $0, 300)]
        },
        Workload(name: "hash: HSET 3 fields + EXPIRE", type: .hash) {
            [
                RedisCommand("HSET", $0, "userId", "u-1", "device", "Android", "startedAt", "2025-12-12T10:22:00Z"),
                RedisCommand("EXPIRE", $0, 3600),
            ]
        },
        Workload(name: "capped list: LPUSH + LTRIM + EXPIRE", type: .list) {
            [RedisCommand("LPUSH", $0, 320), RedisCommand("LTRIM", $0, 0, 99), RedisCommand("EXPIRE", $0, 604_800)]
        },
    ]
}

/// Runs `writes` writes over 100 keys, `inFlight` at a time; returns wall seconds and server CPU seconds.
func run(
    _ workload: Workload, _ path: Path, writes: Int, inFlight: Int, on connection: RedisConnection
) async throws -> (wall: Double, cpu: Double) {
    let cpuBefore = try await CPUTime.ofServer(connection)
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for lane in 0..<inFlight {
            group.addTask {
                var index = lane
                while index < writes {
                    let key = "bench:\(workload.type):\(index % 100)"
                    try await path.send(workload.commands(key), key: key, type: workload.type, on: connection)
                    index += inFlight
                }
            }
        }
        try await group.waitForAll()
    }
    let wall = (ContinuousClock.now - start).inSeconds
    return (wall, try await CPUTime.ofServer(connection) - cpuBefore)
}

guard let options = Options(Array(CommandLine.arguments.dropFirst())) else {
    print("usage: redis-write-bench --port PORT [--host HOST] [--writes 20000] [--in-flight 64]")
    exit(2)
}

let configuration = RedisConnectionConfiguration(host: options.host, port: options.port, commandTimeout: .seconds(120))
let connection = try await RedisConnection.connect(configuration, logger: Logger(label: "bench"))
print("connected to \(configuration.redactedURL) (RESP\(connection.protocolVersion)), \(options.writes) writes per run")
print()
print("| write | path | in flight | writes/s | µs per write (wall) | server CPU µs per write |")
print("|---|---|---:|---:|---:|---:|")
for workload in Workload.all {
    for inFlight in [1, options.inFlight] {
        for path in Path.allCases {
            _ = try await connection.send("FLUSHDB")
            // A warm-up that also loads the script, so NOSCRIPT is not measured.
            _ = try await run(workload, path, writes: min(1000, options.writes), inFlight: inFlight, on: connection)
            let (wall, cpu) = try await run(
                workload, path, writes: options.writes, inFlight: inFlight, on: connection)
            let writes = Double(options.writes)
            print(
                "| \(workload.name) | \(path.rawValue) | \(inFlight) | \(fixed(writes / wall, 0)) | "
                    + "\(fixed(wall / writes * 1e6, 1)) | \(fixed(cpu / writes * 1e6, 1)) |")
        }
    }
}
_ = try await connection.send("FLUSHDB")
await connection.close()
