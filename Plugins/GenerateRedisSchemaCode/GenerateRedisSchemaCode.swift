import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-redis-schema-code [--target T]…
/// [--access-level public|internal|package]`: writes `RedisSchema+Generated.swift` next to each target's
/// `redis-schema.yaml`, for teams that commit generated code instead of using the build plugin
/// (use one or the other in a target, or its types are declared twice).
@main
struct GenerateRedisSchemaCode: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = Set(extractor.extractOption(named: "target"))
        let accessLevel = extractor.extractOption(named: "access-level").last
        if let unknown = extractor.remainingArguments.first {
            throw PluginFailure("unknown argument `\(unknown)`; use --target NAME and --access-level LEVEL")
        }
        let tool = try context.tool(named: "redis-schema-generator")
        var generated = 0
        for target in context.package.targets {
            guard let target = target as? SourceModuleTarget,
                targetNames.isEmpty || targetNames.contains(target.name)
            else { continue }
            let schema = target.directoryURL.appending(path: "redis-schema.yaml")
            guard FileManager.default.fileExists(atPath: schema.path) else { continue }
            let output = target.directoryURL.appending(path: "RedisSchema+Generated.swift")
            var toolArguments = [schema.path, output.path]
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
            throw PluginFailure("no target has a redis-schema.yaml at the top of its directory")
        }
    }
}

/// A failure reported to the user as the command's error.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
