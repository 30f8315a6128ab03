import Foundation
import PackagePlugin

/// Generates typed Redis accessors at build time for every target that contains `redis-schema.yaml`.
///
/// The command's inputs are the schema and the generator, so the build reruns it exactly when either
/// changes. Its output lives in the plugin's work directory under a fixed name no user file is likely to
/// have; each target gets its own work directory, so several targets can each have a schema.
@main
struct RedisSchemaPlugin: BuildToolPlugin {
    /// The schema file the plugin looks for at the top of each target's directory.
    static let schemaFileName = "redis-schema.yaml"
    /// The generated file; the `+` keeps it apart from any type-named file in the target.
    static let outputFileName = "RedisSchema+Generated.swift"

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let schema = target.directoryURL.appending(path: Self.schemaFileName)
        guard FileManager.default.fileExists(atPath: schema.path) else { return [] }
        let tool = try context.tool(named: "redis-schema-generator")
        let output = context.pluginWorkDirectoryURL.appending(path: Self.outputFileName)
        return [
            .buildCommand(
                displayName: "Generating Redis accessors from \(target.name)/\(Self.schemaFileName)",
                executable: tool.url,
                arguments: [schema.path, output.path],
                inputFiles: [schema, tool.url],
                outputFiles: [output]
            )
        ]
    }
}
