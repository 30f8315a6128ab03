import ArgumentParser
import Foundation
import RedisSchemaCore
import RedisSchemaGenerator

/// `redis-schema check`: validates a schema and prints its diagnostics.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a schema file.",
        discussion: """
            Prints each problem as `file:line:col: error: message`, the format compilers use, so editors
            and CI annotate it. Exits 0 when the schema is valid (warnings allowed), 1 when it has errors,
            2 when the file cannot be read or the options are wrong.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var schemaArgument: SchemaArgument

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let path = schemaArgument.schema
        var result = try schemaArgument.load()
        // What generated Swift does differently (renamed names, untyped fields) is worth a warning here, and
        // only here: `docs` and `validate` do not care about Swift.
        if let schema = result.schema {
            result.diagnostics = (result.diagnostics + SwiftCodeGenerator.diagnostics(for: schema)).sortedByLocation()
        }
        switch format {
        case .text:
            for diagnostic in result.diagnostics {
                FileHandleOutput.standardOutput.write("\(diagnostic)\n")
            }
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            let warnings = result.diagnostics.filter { $0.severity == .warning }.count
            if let schema = result.schema {
                FileHandleOutput.standardError.write(
                    "\(path): valid, \(schema.keys.count) keys, \(warnings) warning\(warnings == 1 ? "" : "s")\n")
            } else {
                FileHandleOutput.standardError.write(
                    "\(path): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
                )
            }
        case .json:
            FileHandleOutput.standardOutput.write(try CheckReport(path: path, result: result).json() + "\n")
        }
        if result.schema == nil { throw CommandFailure(.violations) }
    }
}

/// The JSON form of `check`'s output; documented in docs/cli.md.
struct CheckReport: Encodable {
    struct Entry: Encodable {
        var severity: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var key: String?
        /// For two overlapping patterns: who owns the keys both match (absent when no rule decides).
        var overlap: Overlap?
    }

    struct Overlap: Encodable {
        var winner: String?
        var other: String?
        var keys: [String]
        var example: String
    }

    var file: String
    var valid: Bool
    var keys: Int
    var errors: Int
    var warnings: Int
    var diagnostics: [Entry]

    init(path: String, result: SchemaLoader.Result) {
        file = path
        valid = result.schema != nil
        keys = result.schema?.keys.count ?? 0
        errors = result.diagnostics.filter { $0.severity == .error }.count
        warnings = result.diagnostics.filter { $0.severity == .warning }.count
        diagnostics = result.diagnostics.map {
            Entry(
                severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line,
                column: $0.location.column, message: $0.message, key: $0.key,
                overlap: $0.overlap.map {
                    Overlap(winner: $0.winner, other: $0.other, keys: $0.keys, example: $0.example)
                })
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
