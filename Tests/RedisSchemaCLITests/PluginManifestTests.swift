import Foundation
import Testing

/// What Package.swift says about the plugins matches what they do.
@Suite struct PluginManifestTests {
    /// The command plugin asks for permission to write a file: the reason must name the file it writes.
    @Test func thePluginsPermissionNamesTheFileItWrites() throws {
        let root = CLITests.repositoryRoot
        let plugin = try String(
            contentsOf: root.appendingPathComponent("Plugins/GenerateRedisSchemaCode/GenerateRedisSchemaCode.swift"),
            encoding: .utf8)
        let shared = try String(
            contentsOf: root.appendingPathComponent("Plugins/PluginsShared/TargetSchemaFiles.swift"), encoding: .utf8)
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(plugin.contains("let output = target.directoryURL.appending(path: TargetSchemaFiles.outputFileName)"))
        let written = try #require(shared.firstMatch(of: #/static let outputFileName = "([^"]+)"/#)?.1)
        let reason = try #require(manifest.firstMatch(of: #/writeToPackageDirectory\(reason: "([^"]+)"\)/#)?.1)
        #expect(reason.contains(written), "\(reason)")
    }

    /// Both plugins read the configuration file the generator's library describes, under the same name.
    @Test func thePluginsLookForTheGeneratorsConfigFile() throws {
        let root = CLITests.repositoryRoot
        let shared = try String(
            contentsOf: root.appendingPathComponent("Plugins/PluginsShared/TargetSchemaFiles.swift"), encoding: .utf8)
        let library = try String(
            contentsOf: root.appendingPathComponent("Sources/RedisSchemaGenerator/Swift/SwiftGeneratorConfig.swift"),
            encoding: .utf8)
        let pluginName = try #require(shared.firstMatch(of: #/static let configFileName = "([^"]+)"/#)?.1)
        let libraryName = try #require(library.firstMatch(of: #/static let fileName = "([^"]+)"/#)?.1)
        #expect(pluginName == libraryName)
    }
}
