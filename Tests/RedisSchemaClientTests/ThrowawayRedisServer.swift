import Foundation
import RedisSchemaClient
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `redis-server` of a test's own, on a fixed loopback port, that the test can stop and start again on the
/// same port (a server restart). It keeps nothing on disk, so a restart empties it.
final class ThrowawayRedisServer {
    let port: Int
    private let arguments: [String]
    private var process: Process?

    /// The `redis-server` on `PATH`, or `nil`.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        return path.split(separator: ":").map { "\($0)/redis-server" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    init(port: Int, password: String? = nil) {
        self.port = port
        var arguments = [
            "--port", "\(port)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", FileManager.default.temporaryDirectory.path, "--logfile", "",
        ]
        if let password {
            arguments += ["--requirepass", password]
        }
        self.arguments = arguments
    }

    /// Starts the server and waits until it accepts connections.
    func start() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.executable))
        process.arguments = self.arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        self.process = process
        for _ in 0..<200 {
            if await Self.isListening(port: self.port) { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw POSIXError(.ETIMEDOUT)
    }

    /// Stops the server (SIGKILL: the test process may block SIGTERM, which the child inherits) and waits until its port refuses connections, so it is free again.
    /// Sends the signal itself and polls the port: `Process.terminate()` and `waitUntilExit()` can block
    /// a thread of the test's small cooperative pool.
    func stop() async throws {
        guard let process = self.process else { return }
        self.process = nil
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<400 {
            if !(await Self.isListening(port: self.port)) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    deinit {
        if let process = self.process {
            kill(process.processIdentifier, SIGKILL)
        }
    }

    /// Whether something accepts TCP connections on the port (a refused connection means not yet).
    private static func isListening(port: Int) async -> Bool {
        do {
            _ = try await RedisConnection.connect(
                RedisConnectionConfiguration(port: port, clientName: nil, reconnection: .never))
            return true
        } catch .authenticationRequired, .authenticationFailed {
            return true
        } catch {
            return false
        }
    }
}
