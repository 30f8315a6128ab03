import ArgumentParser
import Foundation
import RedisSchemaCore
import RedisSchemaGenerator

/// `redis-schema generate`: writes typed Swift accessors for a schema, or checks a committed copy.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate typed Swift accessors from a schema.",
        discussion: """
            For teams that commit generated code; the RedisSchemaPlugin build plugin does the same at build \
            time. With --check, writes nothing and exits 1 with a diff when the file is stale, 0 when it is \
            up to date.
            """
    )

    @OptionGroup var schemaArgument: SchemaArgument

    @Option(name: [.short, .customLong("output")], help: "The Swift file to write (or to compare with --check).")
    var output: String

    @Option(help: "Access level of generated declarations: public, internal or package.")
    var accessLevel: SwiftGeneratorOptions.AccessLevel = .internal

    @Option(help: "The enum generated types live in (default: the schema's namespace, else from its file name).")
    var namespace: String?

    @Flag(help: "Compare with the output file instead of writing it; exit 1 and print a diff when it is stale.")
    var check = false

    func run() throws {
        let schema = try schemaArgument.loadOrExit(printWarnings: true)
        let options = SwiftGeneratorOptions(accessLevel: accessLevel, namespace: namespace)
        // The names generated code had to change, as warnings; they never stop generation.
        for warning in SwiftCodeGenerator.diagnostics(for: schema, options: options) {
            FileHandleOutput.standardError.write("\(warning)\n")
        }
        let source = SwiftCodeGenerator.generate(schema, options: options)
        if check {
            let existing = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            let diff = TextDiff.unified(old: existing, new: source, oldName: output, newName: "generated")
            guard diff.isEmpty else {
                FileHandleOutput.standardOutput.write(diff)
                throw CommandFailure(
                    .violations,
                    message:
                        "\(output) is stale; run `redis-schema generate \(schemaArgument.schema) --output \(output)`")
            }
            FileHandleOutput.standardError.write("\(output) is up to date\n")
            return
        }
        do {
            try source.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure(.usage, message: "cannot write `\(output)`: \(error.localizedDescription)")
        }
    }
}

extension SwiftGeneratorOptions.AccessLevel: ExpressibleByArgument {}
