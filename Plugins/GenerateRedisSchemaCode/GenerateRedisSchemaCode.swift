import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-redis-schema-code [--target T]…
/// [--access-level public|internal|package]`: writes `RedisSchema+Generated.swift` next to each target's
/// `redis-schema.yaml`, with the settings of the `redis-schema-config.yaml` beside it (a given `--access-level`
/// wins), for teams that commit generated code instead of using the build plugin. Use one or the other in a
/// target: the build plugin refuses to build a target that holds this command's output.
@main
struct GenerateRedisSchemaCode: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = Set(extractor.extractOption(named: "target"))
        let accessLevel = extractor.extractOption(named: "access-level").last
        if let unknown = extractor.remainingArguments.first {
            throw PluginFailure("unknown argument `\(unknown)`; use --target NAME and --access-level LEVEL")
        }
        let known = Set(context.package.targets.map(\.name))
        if let unknown = targetNames.subtracting(known).sorted().first {
            throw PluginFailure("no target named `\(unknown)` in this package")
        }
        let tool = try context.tool(named: "redis-schema-generator")
        var generated = 0
        for target in context.package.targets {
            guard let target = target as? SourceModuleTarget,
                targetNames.isEmpty || targetNames.contains(target.name)
            else { continue }
            guard let files = TargetSchemaFiles(target: target) else {
                // Every target is searched when none is named; a named one must have a schema.
                if targetNames.isEmpty { continue }
                throw TargetSchemaFiles.missingSchema(
                    in: target, plugin: "generate-redis-schema-code", otherwise: "leave out `--target \(target.name)`")
            }
            let output = target.directoryURL.appending(path: TargetSchemaFiles.outputFileName)
            var toolArguments = files.generatorArguments(output: output)
            if let accessLevel { toolArguments += ["--access-level", accessLevel] }
            let process = Process()
            process.executableURL = tool.url
            process.arguments = toolArguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw PluginFailure("generating code for \(target.name) failed; see the errors above")
            }
            print("Generated \(output.path)")
            generated += 1
        }
        if generated == 0 {
            throw PluginFailure("no target has a \(TargetSchemaFiles.schemaFileName) at the top of its directory")
        }
    }
}
