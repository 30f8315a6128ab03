import Foundation
import Testing

@testable import RedisSchemaCore

/// Locations of test inputs.
enum TestFiles {
    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    /// The repository root, for the canonical `schema.yaml`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var seedSchema: String { repositoryRoot.appendingPathComponent("schema.yaml").path }
}

/// Loads a schema from text and fails the test on errors.
func loadValid(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Schema {
    let result = SchemaLoader.load(text)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "unexpected errors: \(errors)", sourceLocation: sourceLocation)
    return try #require(result.schema, sourceLocation: sourceLocation)
}

/// The diagnostics for `text`, rendered as `line:col: severity: message`.
func diagnostics(_ text: String) -> [String] {
    SchemaLoader.load(text).diagnostics.map(\.shortForm)
}

extension RedisSchemaCore.Diagnostic {
    var shortForm: String { "\(location.line):\(location.column): \(severity.rawValue): \(message)" }
}
