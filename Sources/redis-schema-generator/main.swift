import RedisSchemaCore
import RedisSchemaGenerator

// The build plugin's tool: schema in, Swift out. Depends on the core and the generator only (no
// ArgumentParser, no NIO) so that building a package that uses the plugin stays cheap.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

let usage = """
    usage: redis-schema-generator <schema.yaml> <output.swift> [--config redis-schema-config.yaml] \
    [--access-level public|internal|package] [--namespace Name]

    """

/// Writes to standard error through the descriptor: the C `stderr` global is not concurrency-safe.
func printError(_ message: String) {
    _ = writeAll(message.utf8, to: 2)
}

func fail(_ message: String, code: Int32 = 2) -> Never {
    printError(message)
    exit(code)
}

var positional: [String] = []
var accessLevel: SwiftGeneratorOptions.AccessLevel?
var namespace: String?
var configPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--access-level":
        guard let value = arguments.popFirst(), let level = SwiftGeneratorOptions.AccessLevel(rawValue: value) else {
            fail("error: --access-level takes public, internal or package\n" + usage)
        }
        accessLevel = level
    case "--namespace":
        guard let value = arguments.popFirst() else { fail("error: --namespace takes a name\n" + usage) }
        namespace = value
    case "--config":
        guard let value = arguments.popFirst() else { fail("error: --config takes a file\n" + usage) }
        configPath = value
    case "-h", "--help":
        print(usage, terminator: "")
        exit(0)
    default:
        if argument.hasPrefix("-") { fail("error: unknown option `\(argument)`\n" + usage) }
        positional.append(argument)
    }
}
guard positional.count == 2 else { fail(usage) }
let (schemaPath, outputPath) = (positional[0], positional[1])

// The configuration file first, then the command line over it: the plugins pass only `--config`.
var options = SwiftGeneratorOptions()
if let configPath {
    let configResult: SwiftGeneratorConfig.Result
    do {
        configResult = try SwiftGeneratorConfig.load(contentsOf: configPath, file: GeneratorFiles.absolute(configPath))
    } catch {
        fail("error: \(error)\n")
    }
    for diagnostic in configResult.diagnostics {
        printError("\(diagnostic)\n")
    }
    guard let config = configResult.config else { exit(1) }
    options = config.applied(to: options)
}
if let accessLevel { options.accessLevel = accessLevel }
if let namespace { options.namespace = namespace }

let result: SchemaLoader.Result
do {
    // Diagnostics name the absolute path so Xcode and SwiftPM show them at the schema itself.
    result = try SchemaLoader.load(contentsOf: schemaPath, file: GeneratorFiles.absolute(schemaPath))
} catch {
    fail("error: \(error)\n")
}
// Warnings too: in `path:line:col: warning:` form the build shows them at the schema.
for diagnostic in result.diagnostics {
    printError("\(diagnostic)\n")
}
guard let schema = result.schema else { exit(1) }

// The names generated code had to change are `check`'s warnings, not the build's: a schema Swift finds awkward
// still builds warning-free.
let source = SwiftCodeGenerator.generate(schema, options: options)
do {
    try GeneratorFiles.write(source, to: outputPath)
} catch {
    fail("error: \(error)\n")
}
