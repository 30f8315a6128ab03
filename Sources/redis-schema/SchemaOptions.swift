import ArgumentParser
import RedisSchemaCore

/// The schema file argument that every subcommand takes.
struct SchemaArgument: ParsableArguments {
    @Argument(help: "The schema file.", completion: .file(extensions: ["yaml", "yml"]))
    var schema: String = "schema.yaml"

    init() {}

    init(schema: String) {
        self.schema = schema
    }

    /// Loads the schema with its diagnostics; exits 2 when the file cannot be read. Swift-only concerns are not
    /// among them: `check` adds the generator's warnings itself, and they never make a schema unusable.
    func load() throws -> SchemaLoader.Result {
        do {
            return try SchemaLoader.load(contentsOf: schema)
        } catch {
            FileHandleOutput.standardError.write("error: \(error)\n")
            throw ExitCode.usageError
        }
    }

    /// Loads the schema; prints diagnostics and exits when it cannot be used.
    func loadOrExit(printWarnings: Bool = true, exitCodeWhenInvalid: ExitCode = .violations) throws -> Schema {
        let result = try load()
        for diagnostic in result.diagnostics where printWarnings || diagnostic.severity == .error {
            FileHandleOutput.standardError.write("\(diagnostic)\n")
        }
        guard let schema = result.schema else {
            FileHandleOutput.standardError.write("error: \(schema) has errors; run `redis-schema check \(schema)`\n")
            throw exitCodeWhenInvalid
        }
        return schema
    }
}
