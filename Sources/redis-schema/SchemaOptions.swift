import ArgumentParser
import RedisSchemaCore

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

    /// Loads the schema with its diagnostics; exits 2 when the file cannot be read. Swift-only concerns are not
    /// among them: `check` adds the generator's warnings itself, and they never make a schema unusable.
    func load() throws -> SchemaLoader.Result {
        do {
            return try SchemaLoader.load(contentsOf: schema)
        } catch {
            throw CommandFailure(.usage, error)
        }
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
