import ArgumentParser
import Foundation
import RedisSchemaCore
import RedisSchemaGenerator

/// `redis-schema docs`: renders a schema as Markdown.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Render a schema as Markdown documentation.",
        discussion: """
            Writes a table of key patterns, types, TTLs and purposes, then a section per key with its
            value rules and example commands. Exits 1 when the schema has errors.
            """
    )

    @OptionGroup var schemaArgument: SchemaArgument

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let schema = try schemaArgument.loadOrExit(printWarnings: false)
        let markdown = MarkdownDocsRenderer.render(schema)
        guard let output else {
            FileHandleOutput.standardOutput.write(markdown)
            return
        }
        do {
            try markdown.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure(.usage, message: "cannot write `\(output)`: \(error.localizedDescription)")
        }
    }
}
