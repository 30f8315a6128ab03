// Measures what safe writes cost: N generated-code-shaped writes on one connection, sent the old way
// (`MULTI`, the commands, `EXEC` in one pipeline) and through the type-guard script (`EVALSHA`), one at a
// time (latency) and with many in flight (throughput), with the server's CPU time per write.
//
//   redis-write-bench --port 6379 [--host 127.0.0.1] [--writes 20000] [--in-flight 64]

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
    var host = "127.0.0.1"
    var port = 6379
    var writes = 20_000
    var inFlight = 64

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            guard let value = iterator.next() else { return nil }
            switch argument {
            case "--host": options.host = value
            case "--port": options.port = Int(value) ?? -1
            case "--writes": options.writes = Int(value) ?? -1
            case "--in-flight": options.inFlight = Int(value) ?? -1
            default: return nil
            }
        }
        return options.port > 0 && options.writes > 0 && options.inFlight > 0 ? options : nil
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

/// The server's user + system CPU seconds so far.
func serverCPU(_ connection: RedisConnection) async throws -> Double {
    let info = try await connection.send("INFO", "cpu").string ?? ""
    var total = 0.0
    for line in info.split(whereSeparator: \.isNewline) {
        let parts = line.split(separator: ":")
        if parts.count == 2, parts[0] == "used_cpu_sys" || parts[0] == "used_cpu_user" {
            total += Double(parts[1]) ?? 0
        }
    }
    return total
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `writes` writes over 100 keys, `inFlight` at a time; returns wall seconds and server CPU seconds.
func run(
    _ workload: Workload, _ path: Path, writes: Int, inFlight: Int, on connection: RedisConnection
) async throws -> (wall: Double, cpu: Double) {
    let cpuBefore = try await serverCPU(connection)
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
    let wall = seconds(ContinuousClock.now - start)
    return (wall, try await serverCPU(connection) - cpuBefore)
}

func format(_ value: Double, decimals: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = String(scaled / Int(scale))
    guard decimals > 0 else { return whole }
    let fraction = String(scaled % Int(scale))
    return whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
}

guard let options = Options.parse(CommandLine.arguments) else {
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
                "| \(workload.name) | \(path.rawValue) | \(inFlight) | \(format(writes / wall, decimals: 0)) | "
                    + "\(format(wall / writes * 1e6)) | \(format(cpu / writes * 1e6)) |")
        }
    }
}
_ = try await connection.send("FLUSHDB")
await connection.close()
