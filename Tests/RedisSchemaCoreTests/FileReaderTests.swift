import Foundation
import Testing

@testable import RedisSchemaCore

/// The loader reads schemas from pipes too, as in `redis-schema check <(git show main:schema.yaml)`.
@Suite struct FileReaderTests {
    /// A named pipe and a shell that writes `text` into it once a reader opens it.
    func pipe(writing text: String) throws -> (path: String, writer: Process) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try #require(mkfifo(path, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", #"printf '%s' "$1" > "$2""#, "sh", text, path]
        try writer.run()
        return (path, writer)
    }

    /// Lets the writer finish, whether or not it has opened the pipe yet: a read end held open (without
    /// blocking) until it exits lets its open and its small write succeed.
    func release(_ path: String, _ writer: Process) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        writer.waitUntilExit()
        if descriptor >= 0 { close(descriptor) }
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func readsSchemasFromPipes() throws {
        let (path, writer) = try pipe(writing: "version: 1\nkeys:\n  a: {pattern: a, type: string, ttl: none}\n")
        defer { release(path, writer) }
        let result = try SchemaLoader.load(contentsOf: path)
        #expect(result.schema?.keys.count == 1, "\(result.diagnostics)")
    }

    #if os(Linux)
        /// Why FileReader uses stdio: FoundationEssentials' `Data(contentsOf:)` refuses pipes (Swift 6.3).
        /// If this fails, Foundation reads pipes now, and FileReader could use it.
        @Test func foundationRefusesPipes() throws {
            let (path, writer) = try pipe(writing: "version: 1\n")
            defer { release(path, writer) }
            #expect(throws: (any Error).self) { try Data(contentsOf: URL(fileURLWithPath: path)) }
        }
    #endif

    @Test func missingFilesAndDirectoriesAreReadErrorsNamingThePath() {
        #expect(throws: FileReadError(path: "/nonexistent/schema.yaml", reason: "No such file or directory")) {
            try FileReader.read("/nonexistent/schema.yaml", maxBytes: 1000)
        }
        #expect(throws: FileReadError.self) {
            try FileReader.read(FileManager.default.temporaryDirectory.path, maxBytes: 1000)
        }
    }

    @Test func filesOverTheLimitAreRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try String(repeating: "#", count: 5000).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            throws: FileReadError(path: path, reason: "it is larger than 1000 bytes; a schema should be far smaller")
        ) { try FileReader.read(path, maxBytes: 1000) }
        #expect(try FileReader.read(path, maxBytes: 5000).count == 5000)
    }
}
