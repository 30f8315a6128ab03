import RedisSchema
import RedisSchemaCore

/// The declared fields of a hash or stream entry, for checking the fields actually stored: which
/// names are declared (literally or by a field pattern), which are required, and each one's type.
struct FieldRules: Sendable {
    let fields: [FieldSpec]
    /// Names of the literal fields that must be present.
    let required: [String]

    init(_ fields: [FieldSpec]) {
        self.fields = fields
        self.required = fields.compactMap { field in
            guard !field.isOptional, case .literal(let name) = field.name else { return nil }
            return name
        }
    }

    /// Whether the schema declares no fields, leaving them untyped: then nothing is checked.
    var isEmpty: Bool { fields.isEmpty }

    /// The declaration `name` falls under: a literal name first, then the first field pattern that
    /// matches it (the loader refuses patterns that overlap ambiguously).
    func field(named name: [UInt8]) -> FieldSpec? {
        for field in fields {
            if case .literal(let literal) = field.name, literal.utf8.elementsEqual(name) { return field }
        }
        return name.withUnsafeBytes { bytes in
            fields.first { field in
                guard case .pattern(let pattern) = field.name else { return false }
                return pattern.matches(bytes)
            }
        }
    }

    /// What the stored `name → value` pairs break: fields not declared, required fields absent,
    /// values not of their field's type. `what` names the value in messages ("field", "entry field").
    func findings(pairs: [([UInt8], [UInt8])], complete: Bool, spec: String, what: String) -> [DeepFinding] {
        var undeclared: [[UInt8]] = []
        var badValue: String?
        var seen = Set<[UInt8]>()
        for (name, value) in pairs {
            seen.insert(name)
            guard let field = field(named: name) else {
                undeclared.append(name)
                continue
            }
            if badValue == nil, !field.type.codable.accepts(value) {
                badValue =
                    "\(what) `\(KeyDisplay.excerpt(name))` is `\(KeyDisplay.excerpt(value))`, which is not "
                    + field.type.codable.redisValueDescription
            }
        }
        var findings: [DeepFinding] = []
        if let first = undeclared.first {
            let more = undeclared.count > 1 ? " (and \(undeclared.count - 1) more)" : ""
            findings.append(
                DeepFinding(
                    rule: .undeclaredField,
                    message: "has \(what) `\(KeyDisplay.excerpt(first))`\(more), which `\(spec)` does not declare"))
        }
        // Only a read that saw every field can say one is missing.
        let missing = complete ? required.filter { !seen.contains(Array($0.utf8)) } : []
        if !missing.isEmpty {
            let names = missing.map { "`\($0)`" }.joined(separator: ", ")
            findings.append(
                DeepFinding(
                    rule: .missingField, message: "lacks required \(what)\(missing.count > 1 ? "s" : "") \(names)"))
        }
        if let badValue { findings.append(DeepFinding(rule: .badValue, message: badValue)) }
        return findings
    }
}
