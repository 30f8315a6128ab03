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
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let written = try #require(
            plugin.firstMatch(of: #/let output = target\.directoryURL\.appending\(path: "([^"]+)"\)/#)?.1)
        let reason = try #require(manifest.firstMatch(of: #/writeToPackageDirectory\(reason: "([^"]+)"\)/#)?.1)
        #expect(reason.contains(written), "\(reason)")
    }
}
