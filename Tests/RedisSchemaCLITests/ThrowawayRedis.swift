import Foundation

/// A redis-server of a test's own, on a free loopback port, for setups the shared servers must not
/// get (cluster mode, a tiny `maxclients`): started with `arguments`, stopped with ``stop()``.
struct ThrowawayRedis {
    let process: Process
    let port: Int
    /// The server's `dir`: a server started again on the same port and directory loads the dump a `SAVE` left.
    let directory: URL

    /// Starts a server; with `port` and `directory`, on that port (no other is tried) and in that directory,
    /// e.g. to restart one that was stopped.
    init(_ arguments: [String], port fixedPort: Int? = nil, directory fixedDirectory: URL? = nil) throws {
        let directory =
            fixedDirectory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("redis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
        // A random port may be taken; redis-server then exits at once and the next one is tried.
        for _ in 0..<(fixedPort == nil ? 8 : 1) {
            let port = fixedPort ?? Int.random(in: 20_000..<60_000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                [
                    "redis-server", "--port", "\(port)", "--bind", "127.0.0.1", "--dir", directory.path,
                    "--cluster-config-file", "nodes-\(port).conf", "--save", "", "--appendonly", "no",
                ] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<50 where process.isRunning {
                if Self.ping(port) {
                    self.process = process
                    self.port = port
                    return
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        throw CocoaError(.fileWriteUnknown)
    }

    /// Stops the server with `SHUTDOWN NOSAVE`: a child of the test runner may inherit a signal mask
    /// that blocks SIGTERM, so `terminate()` alone can leave it running and `waitUntilExit` waiting.
    func stop() {
        let shutdown = Process()
        shutdown.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shutdown.arguments = ["redis-cli", "-p", "\(port)", "SHUTDOWN", "NOSAVE"]
        shutdown.standardOutput = FileHandle.nullDevice
        shutdown.standardError = FileHandle.nullDevice
        if (try? shutdown.run()) != nil { shutdown.waitUntilExit() }
        for _ in 0..<50 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
    }

    private static func ping(_ port: Int) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["redis-cli", "-p", "\(port)", "PING"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).contains("PONG")
    }
}
