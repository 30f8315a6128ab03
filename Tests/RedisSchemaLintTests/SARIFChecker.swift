import Foundation

/// Checks a decoded SARIF log against what the SARIF 2.1.0 JSON schema requires of the objects
/// the renderer writes: required properties, enum values, minimums, and `ruleIndex` consistency.
enum SARIFChecker {
    static let levels: Set<String> = ["none", "note", "warning", "error"]
    static let baselineStates: Set<String> = ["new", "unchanged", "updated", "absent"]
    static let suppressionKinds: Set<String> = ["inSource", "external"]
    static let columnKinds: Set<String> = ["utf16CodeUnits", "unicodeCodePoints"]

    static func problems(in log: [String: Any]) -> [String] {
        var problems: [String] = []
        func require(_ condition: Bool, _ problem: String) { if !condition { problems.append(problem) } }

        require(log["version"] as? String == "2.1.0", "sarifLog.version must be \"2.1.0\"")
        guard let runs = log["runs"] as? [[String: Any]] else { return problems + ["sarifLog.runs is required"] }
        require(runs.count == 1, "one run expected")
        for run in runs {
            guard let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any] else {
                problems.append("run.tool.driver is required")
                continue
            }
            require((driver["name"] as? String)?.isEmpty == false, "toolComponent.name is required")
            let rules = driver["rules"] as? [[String: Any]] ?? []
            for rule in rules {
                require((rule["id"] as? String)?.isEmpty == false, "reportingDescriptor.id is required")
                if let configuration = rule["defaultConfiguration"] as? [String: Any],
                    let level = configuration["level"]
                {
                    require(
                        levels.contains(level as? String ?? ""), "reportingConfiguration.level \(level) not allowed")
                }
                if let text = (rule["shortDescription"] as? [String: Any]).map({ $0["text"] }) {
                    require(text is String, "multiformatMessageString.text is required")
                }
            }
            if let kind = run["columnKind"] {
                require(columnKinds.contains(kind as? String ?? ""), "columnKind \(kind)")
            }
            for invocation in run["invocations"] as? [[String: Any]] ?? [] {
                require(invocation["executionSuccessful"] is Bool, "invocation.executionSuccessful is required")
            }
            for result in run["results"] as? [[String: Any]] ?? [] {
                problems += resultProblems(result, rules: rules)
            }
        }
        return problems
    }

    private static func resultProblems(_ result: [String: Any], rules: [[String: Any]]) -> [String] {
        var problems: [String] = []
        func require(_ condition: Bool, _ problem: String) { if !condition { problems.append(problem) } }
        let message = result["message"] as? [String: Any]
        require(message?["text"] is String || message?["id"] is String, "result.message with text or id is required")
        require(
            levels.contains(result["level"] as? String ?? ""), "result.level \(result["level"] ?? "nil") not allowed")
        if let index = result["ruleIndex"] as? Int {
            require(rules.indices.contains(index), "ruleIndex \(index) is outside rules[]")
            if rules.indices.contains(index) {
                require(rules[index]["id"] as? String == result["ruleId"] as? String, "ruleIndex and ruleId disagree")
            }
        }
        if let state = result["baselineState"] {
            require(baselineStates.contains(state as? String ?? ""), "baselineState \(state) not allowed")
        }
        for suppression in result["suppressions"] as? [[String: Any]] ?? [] {
            require(suppressionKinds.contains(suppression["kind"] as? String ?? ""), "suppression.kind is required")
        }
        for fingerprint in (result["partialFingerprints"] as? [String: Any] ?? [:]).values {
            require(fingerprint is String, "partialFingerprints values are strings")
        }
        let locations = result["locations"] as? [[String: Any]] ?? []
        require(!locations.isEmpty, "every result is located in the schema")
        for location in locations {
            let physical = location["physicalLocation"] as? [String: Any]
            let artifact = physical?["artifactLocation"] as? [String: Any]
            require(artifact?["uri"] is String, "physicalLocation.artifactLocation.uri is required here")
            if let region = physical?["region"] as? [String: Any] {
                require((region["startLine"] as? Int ?? 0) >= 1, "region.startLine must be at least 1")
                if let column = region["startColumn"] {
                    require((column as? Int ?? 0) >= 1, "startColumn must be at least 1")
                }
            }
        }
        return problems
    }
}
