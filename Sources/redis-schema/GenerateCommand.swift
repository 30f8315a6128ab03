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

    @Option(
        help:
            "Access level of generated declarations: public, internal or package (default: the config's, else internal)."
    )
    var accessLevel: SwiftGeneratorOptions.AccessLevel?

    @Option(
        help:
            "The enum generated types live in (default: the config's, else the schema's namespace, else from its file name)."
    )
    var namespace: String?

    @Option(
        help: ArgumentHelp(
            "A redis-schema-config.yaml setting accessLevel and namespace, as the plugins read it; options given here win.",
            valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Flag(help: "Compare with the output file instead of writing it; exit 1 and print a diff when it is stale.")
    var check = false

    func run() throws {
        let options = try generatorOptions()
        let schema = try schemaArgument.loadOrExit(printWarnings: true)
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
                throw CommandFailure(.violations, message: "\(output) is stale; run `\(regenerateCommand)`")
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

    /// The configuration file's settings, then the command line's over them.
    private func generatorOptions() throws -> SwiftGeneratorOptions {
        var options = SwiftGeneratorOptions()
        if let config {
            let result: SwiftGeneratorConfig.Result
            do {
                result = try SwiftGeneratorConfig.load(contentsOf: config)
            } catch {
                throw CommandFailure(.usage, error)
            }
            for diagnostic in result.diagnostics {
                FileHandleOutput.standardError.write("\(diagnostic)\n")
            }
            guard let settings = result.config else {
                throw CommandFailure(.usage, message: "\(config) has errors")
            }
            options = settings.applied(to: options)
        }
        if let accessLevel { options.accessLevel = accessLevel }
        if let namespace { options.namespace = namespace }
        return options
    }

    /// The command that rewrites the stale file: every option that shaped it, so following the hint gives the file
    /// `--check` expects.
    var regenerateCommand: String {
        var words = ["redis-schema", "generate", schemaArgument.schema, "--output", output]
        if let config { words += ["--config", config] }
        if let accessLevel { words += ["--access-level", accessLevel.rawValue] }
        if let namespace { words += ["--namespace", namespace] }
        return words.map(ShellWord.quoted).joined(separator: " ")
    }
}

extension SwiftGeneratorOptions.AccessLevel: ExpressibleByArgument {}
