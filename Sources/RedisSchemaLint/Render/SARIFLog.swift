/// The subset of SARIF 2.1.0 that ``SARIFReportRenderer`` writes, as Encodable values.
///
/// Property names are the spec's; optional properties that are `nil` are left out. Only what
/// code scanning and other SARIF viewers use is modelled, not the whole schema.
enum SARIF {
    static let version = "2.1.0"
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    struct Log: Encodable {
        var schema = SARIF.schemaURI
        var version = SARIF.version
        var runs: [Run]

        private enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var results: [Result]
        /// The schema loader counts columns in Unicode scalars, not UTF-16 code units.
        var columnKind = "unicodeCodePoints"
        var properties: RunProperties
    }

    struct Tool: Encodable {
        var driver: ToolComponent
    }

    struct ToolComponent: Encodable {
        var name: String
        var informationUri: String?
        var version: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var defaultConfiguration: ReportingConfiguration
    }

    struct ReportingConfiguration: Encodable {
        var enabled: Bool
        var level: String
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var baselineState: String
        var suppressions: [Suppression]?
        var properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        var key: String
        var pattern: String?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }

    struct Suppression: Encodable {
        var kind: String
        var justification: String
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        /// One notification per reason the run was partial, so viewers show it beside the results.
        var toolExecutionNotifications: [Notification]?
        var properties: InvocationProperties
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
    }

    struct InvocationProperties: Encodable {
        var complete: Bool
        var interrupted: Bool
        var resumeCursor: String?
        var partialReasons: [String]
        /// Times the scan lost its connection and went on after reconnecting.
        var reconnects: Int
        /// The connection error the scan gave up on, when it could not reconnect in time.
        var connectionError: String?
        /// How the scan was paced (as in the JSON summary).
        var pacing: ScanPacingSummary?
    }

    /// The run's totals, so that a SARIF consumer sees them without the JSON report.
    struct RunProperties: Encodable {
        var server: String
        var database: Int
        var keysScanned: Int
        var keysChecked: Int
        var keysUnknown: Int
        var errors: Int
        var warnings: Int
        var baselined: Int
        var violationsByRule: [String: Int]
        /// A Redis Cluster run's node list, as in the JSON report; absent for a single server.
        var nodes: [NodeReport]?
        /// `--memory`: the memory report, as in the JSON report.
        var memory: MemoryReport?
    }
}
