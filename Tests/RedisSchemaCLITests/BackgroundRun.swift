import Foundation

/// The built `redis-schema` binary running in the background while a test acts on it or its server
/// (kills a connection, stops a node, sends Ctrl-C), then read to the end with ``finish()``.
struct BackgroundRun {
    let process = Process()
    private let out = Pipe()
    private let err = Pipe()

    /// Starts `redis-schema arguments` in `directory`, its output captured.
    init(_ arguments: [String], in directory: URL = CLITests.repositoryRoot) throws {
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Waits for the command to exit; its exit status and everything it printed.
    func finish() -> CLITests.Run {
        // Both pipes are drained before waiting: a command that fills one would never exit.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Lets the command run for `seconds`, sends it Ctrl-C (SIGINT) and waits for it to exit.
    func interrupt(after seconds: TimeInterval) -> CLITests.Run {
        Thread.sleep(forTimeInterval: seconds)
        process.interrupt()
        return finish()
    }
}
