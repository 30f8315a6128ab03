import ArgumentParser
import RedisSchemaCore
import RedisSchemaGenerator

/// The schema file argument that every subcommand takes.
struct SchemaArgument: ParsableArguments {
    @Argument(help: "The schema file.", completion: .file(extensions: ["yaml", "yml"]))
    var schema: String = "schema.yaml"

    init() {}

    init(schema: String) {
        self.schema = schema
    }

    /// Loads the schema with its diagnostics, including the generator's, so that a schema `check`
    /// accepts always generates; exits 2 when the file cannot be read.
    func load() throws -> SchemaLoader.Result {
        var result: SchemaLoader.Result
        do {
            result = try SchemaLoader.load(contentsOf: schema)
        } catch {
            FileHandleOutput.standardError.write("error: \(error)\n")
            throw ExitCode.usageError
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
