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

/// The result of reading a file, or exit 1 with the reason it could not be read.
func loadOrExit<Result>(_ load: () throws -> Result) -> Result {
    do {
        return try load()
    } catch {
        fail("error: \(error)\n")
    }
}

/// Prints a loader's diagnostics, warnings too (in `path:line:col: warning:` form the build shows them at the
/// file), and returns what it loaded, or exits 1 when that cannot be used.
func usableOrExit<Value>(_ value: Value?, _ diagnostics: [Diagnostic]) -> Value {
    for diagnostic in diagnostics {
        printError("\(diagnostic)\n")
    }
    guard let value else { exit(1) }
    return value
}

// The configuration file first, then the command line over it: the plugins pass only `--config`.
var options = SwiftGeneratorOptions()
if let configPath {
    let loaded = loadOrExit {
        try SwiftGeneratorConfig.load(contentsOf: configPath, file: GeneratorFiles.absolute(configPath))
    }
    options = usableOrExit(loaded.config, loaded.diagnostics).applied(to: options)
}
if let accessLevel { options.accessLevel = accessLevel }
if let namespace { options.namespace = namespace }

// Diagnostics name the absolute path so Xcode and SwiftPM show them at the schema itself.
let result = loadOrExit { try SchemaLoader.load(contentsOf: schemaPath, file: GeneratorFiles.absolute(schemaPath)) }
let schema = usableOrExit(result.schema, result.diagnostics)

// The names generated code had to change are `check`'s warnings, not the build's: a schema Swift finds awkward
// still builds warning-free.
let source = SwiftCodeGenerator.generate(schema, options: options)
do {
    try GeneratorFiles.write(source, to: outputPath)
} catch {
    fail("error: \(error)\n")
}
