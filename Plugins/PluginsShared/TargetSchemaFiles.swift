import Foundation
import PackagePlugin

// Shared by both plugins through a symbolic link in each plugin's directory: plugin targets cannot depend on a
// library, and both must find a target's files and word their mistakes the same way.

/// The redis-schema files of one target: its schema, and the generator configuration beside it, if any.
struct TargetSchemaFiles {
    /// The schema the plugins look for at the top of a target's directory.
    static let schemaFileName = "redis-schema.yaml"
    /// The generator settings (`accessLevel`, `namespace`) beside the schema; `SwiftGeneratorConfig.fileName`.
    static let configFileName = "redis-schema-config.yaml"
    /// The generated file; the `+` keeps it apart from any type-named file in the target.
    static let outputFileName = "RedisSchema+Generated.swift"

    /// The schema.
    var schema: URL
    /// The configuration, when the target has one.
    var config: URL?

    /// The target's files, or `nil` when it has no `redis-schema.yaml`.
    init?(target: SourceModuleTarget) {
        let schema = target.directoryURL.appending(path: Self.schemaFileName)
        guard FileManager.default.fileExists(atPath: schema.path) else { return nil }
        self.schema = schema
        let config = target.directoryURL.appending(path: Self.configFileName)
        self.config = FileManager.default.fileExists(atPath: config.path) ? config : nil
    }

    /// The generator's arguments that read these files.
    func generatorArguments(output: URL) -> [String] {
        [schema.path, output.path] + (config.map { ["--config", $0.path] } ?? [])
    }

    /// The error for a target that was asked to generate but has no schema: names the file looked for and the
    /// YAML files found instead, since a schema under another name (`schema.yaml`, as the README calls it) is the
    /// usual cause. `otherwise` is the other way out, which differs between the plugins.
    static func missingSchema(in target: SourceModuleTarget, plugin: String, otherwise: String) -> PluginFailure {
        let expected = target.directoryURL.appending(path: schemaFileName).path
        // The directory rather than `sourceFiles`, which leaves out files the manifest excludes.
        let found = FileManager.default.enumerator(
            at: target.directoryURL, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        let names = (found?.allObjects ?? []).compactMap { $0 as? URL }.filter { url in
            ["yaml", "yml"].contains(url.pathExtension) && url.lastPathComponent != configFileName
        }.map { relativePath($0, in: target) }.sorted()
        var message = "\(plugin): target `\(target.name)` has no \(schemaFileName); looked for \(expected)"
        if names.isEmpty {
            message += ". Add the schema there, or \(otherwise)."
        } else {
            message += ", but found \(names.map { "`\($0)`" }.joined(separator: ", ")). Rename the schema to "
            message += "\(schemaFileName) at the top of the target's directory; the plugins read no other name."
        }
        return PluginFailure(message)
    }

    private static func relativePath(_ url: URL, in target: SourceModuleTarget) -> String {
        let base = target.directoryURL.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

/// A failure reported to the user as the plugin's error.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
