import Foundation
import Testing

/// `scripts/check-platform-imports`, which scripts/test runs: platform modules only inside `#if canImport`.
@Suite struct PlatformImportCheckTests {
    struct Run {
        var status: Int32
        var output: String
    }

    func check(_ directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = CLITests.repositoryRoot.appendingPathComponent("scripts/check-platform-imports")
        process.arguments = [directory.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    func directory(with files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func theTreePasses() throws {
        for folder in ["Sources", "Tests", "Plugins", "examples"] {
            let run = try check(CLITests.repositoryRoot.appendingPathComponent(folder))
            #expect(run.status == 0, "\(run.output)")
        }
    }

    @Test func guardedUsesAndMereMentionsPass() throws {
        let good = """
            #if canImport(Glibc)
                import Glibc
            #elseif canImport(Musl)
                import Musl
            #elseif canImport(Darwin)
                import Darwin
            #endif
            // Glibc.write in a comment, and "Android." in a string, are text.
            let device = "Android. Darwin.write"
            #if canImport(Darwin)
                let root = Darwin.sqrt(2.0)
            #endif
            """
        let run = try check(try directory(with: ["Good.swift": good]))
        #expect(run.status == 0, "\(run.output)")
    }

    /// The landed CLI's output writer called `Glibc.write` unguarded, which does not build on macOS.
    @Test func unguardedUsesFailNamingFileAndLine() throws {
        let bad = """
            #if canImport(Glibc)
                import Glibc
            #else
                import Musl
            #endif
            #if os(Linux)
                import Glibc
            #endif
            func emit() { _ = Glibc.write(1, nil, 0) }
            #if canImport(Darwin)
                let wrongModule = Glibc.sqrt(2.0)
            #endif
            import WinSDK
            """
        let directory = try directory(with: ["Bad.swift": bad])
        let run = try check(directory)
        #expect(run.status == 1)
        let file = directory.appendingPathComponent("Bad.swift").path
        for (line, module) in [(4, "Musl"), (7, "Glibc"), (9, "Glibc"), (11, "Glibc"), (13, "WinSDK")] {
            #expect(
                run.output.contains("\(file):\(line): `\(module)` outside `#if canImport(\(module))`"), "\(run.output)")
        }
        #expect(run.output.split(separator: "\n").count == 5)
    }
}
