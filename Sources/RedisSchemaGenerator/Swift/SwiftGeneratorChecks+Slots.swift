import RedisSchema
import RedisSchemaCore

/// Which keys generated code sends together in one command, and whether a Redis Cluster would accept them:
/// warnings for schemas that declare `cluster: true`, so a CROSSSLOT error is found when the code is
/// generated, not in production. A standalone schema gets none, since one server takes any keys together.
enum SwiftSlotChecks {
    /// One warning per key spec with an operation on another key (`move(…to:)` takes any list key of the
    /// same element type) whose possible partners in the schema are not guaranteed to share its hash slot.
    static func warnings(
        for schema: Schema, plans: [OperationPlan], typeNames: [String], namespace: String
    ) -> [Diagnostic] {
        guard schema.cluster else { return [] }
        var warnings: [Diagnostic] = []
        for (plan, typeName) in zip(plans, typeNames) {
            guard case .list(let element) = plan.value,
                let operation = plan.operations.first(where: { $0.parameters.contains { $0.kind == .listKey } })
            else { continue }
            let partners = plans.filter { $0.value == .list(element: element) }
            var problems: [String] = []
            var suggestion: String?
            var onlySelf = true
            for partner in partners {
                let agreement = HashSlotAgreement(plan.pattern, partner.pattern)
                guard !agreement.isGuaranteed else { continue }
                suggestion = suggestion ?? suggestedTag(plan.pattern, partner.pattern)
                onlySelf = onlySelf && partner.keyName == plan.keyName
                if case .never(let own, let other) = agreement {
                    problems.append(
                        "`\(partner.keyName)` keys (`\(partner.pattern.source)`, slot \(other)) never do (slot \(own))")
                } else if partner.keyName == plan.keyName {
                    problems.append("two `\(plan.keyName)` keys share one only by chance")
                } else {
                    problems.append("`\(partner.keyName)` keys (`\(partner.pattern.source)`) share one only by chance")
                }
            }
            guard !problems.isEmpty else { continue }
            let tag = suggestion ?? "{<id>}"
            // Between keys of one pattern, a tag helps only the moves whose keys give it the same values.
            let advice =
                onlySelf
                ? "give the pattern a hash tag, e.g. `\(tag)`, and move only between keys whose tags hold the same "
                    + "text"
                : "give the patterns the same hash tag, e.g. `\(tag)` in both"
            let method = "\(namespace).\(typeName).\(SwiftOperationNames.base(operation.kind))(…to:)"
            let command = operation.commands.first?.name ?? "the command"
            warnings.append(
                Diagnostic(
                    .warning, at: plan.location,
                    "`cluster: true`, but `\(method)` sends \(command) with both keys, which Redis Cluster refuses "
                        + "unless they share a hash slot (CROSSSLOT); of the list keys it can move to, "
                        + problems.joined(separator: ", ") + "; " + advice
                        + " (generated code refuses keys of two slots before sending)",
                    key: plan.keyName))
        }
        return warnings
    }

    /// A hash tag both patterns could take: over a placeholder they share, else the first one's tag or its
    /// first placeholder.
    private static func suggestedTag(_ first: RedisPattern, _ second: RedisPattern) -> String {
        let shared = first.placeholders.map(\.name).first { name in second.placeholderIndex(named: name) != nil }
        if let shared { return "{<\(shared)>}" }
        if let tag = first.hashTag ?? second.hashTag { return tag.displayForm }
        return first.placeholders.first.map { "{<\($0.name)>}" } ?? "{\(first.source)}"
    }
}
