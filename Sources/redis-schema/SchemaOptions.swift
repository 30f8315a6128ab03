import ArgumentParser
import RedisSchemaCore
import RedisSchemaGenerator

/// The schema file every subcommand takes, as an argument or with `--schema` (both spellings work
/// everywhere, so scripts need not remember which subcommand takes which).
struct SchemaArgument: ParsableArguments {
    @Argument(help: "The schema file (default: schema.yaml).", completion: .file(extensions: ["yaml", "yml"]))
    var positionalSchema: String?

    @Option(
        name: .customLong("schema"),
        help: ArgumentHelp("The schema file, as an option.", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var schemaOption: String?

    init() {}

    /// The schema file to load.
    var schema: String { schemaOption ?? positionalSchema ?? "schema.yaml" }

    func validate() throws {
        if let schemaOption, let positionalSchema, schemaOption != positionalSchema {
            throw ValidationError(
                "two schema files given (`\(positionalSchema)` and --schema `\(schemaOption)`); give one")
        }
    }

    /// Loads the schema with its diagnostics, including the generator's, so that a schema `check`
    /// accepts always generates; a file that cannot be read is a usage error.
    func load() throws -> SchemaLoader.Result {
        var result: SchemaLoader.Result
        do {
            result = try SchemaLoader.load(contentsOf: schema)
        } catch {
            throw CommandFailure(.usage, error)
        }
        if let loaded = result.schema {
            let generatorDiagnostics = SwiftCodeGenerator.diagnostics(for: loaded)
            if !generatorDiagnostics.isEmpty {
                result.diagnostics = (result.diagnostics + generatorDiagnostics).sortedByLocation()
                if result.diagnostics.containsErrors { result.schema = nil }
            }
        }
        return result
    }

    /// Loads the schema; prints diagnostics and fails with `classWhenInvalid` when it cannot be used.
    func loadOrExit(printWarnings: Bool = true, classWhenInvalid: ErrorClass = .violations) throws -> Schema {
        let result = try load()
        for diagnostic in result.diagnostics where printWarnings || diagnostic.severity == .error {
            FileHandleOutput.standardError.write("\(diagnostic)\n")
        }
        guard let schema = result.schema else {
            throw CommandFailure(
                classWhenInvalid, message: "\(schema) has errors; run `redis-schema check \(schema)`")
        }
        return schema
    }
}
