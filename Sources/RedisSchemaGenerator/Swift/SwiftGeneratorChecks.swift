import RedisSchemaCore

/// What the Swift generator does differently from what the schema says, as warnings for `check`: names it had
/// to change and operations it had to leave out. Never an error: every valid schema generates code that compiles.
enum SwiftGeneratorChecks {
    static func warnings(for schema: Schema, options: SwiftGeneratorOptions) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let namespace = options.resolvedNamespace(for: schema)
        if let requested = options.namespace ?? schema.namespace, requested != namespace {
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(file: schema.file, line: 1, column: 1),
                    "the namespace `\(requested)` cannot name a Swift enum here; generated code calls it `\(namespace)`"
                ))
        }
        let plans = OperationPlanner.plans(for: schema)
        let typeNames = SwiftNames.typeNames(forKeys: plans.map(\.keyName), namespace: namespace)
        for (plan, typeName) in zip(plans, typeNames) {
            func warn(_ message: String, at location: SourceLocation? = nil) {
                warnings.append(Diagnostic(.warning, at: location ?? plan.location, message, key: plan.keyName))
            }
            let plain = Identifier.upperCamelCase(plan.keyName)
            if typeName != plain {
                let reason =
                    plain.isEmpty
                    ? "its name has no letters or digits"
                    : typeName.hasPrefix(SwiftNames.typeName(forKey: plan.keyName))
                        && typeName != SwiftNames.typeName(forKey: plan.keyName)
                        ? "an earlier key generates `\(SwiftNames.typeName(forKey: plan.keyName))`"
                        : "`\(plain)` is not usable there"
                warn("the key `\(plan.keyName)` generates the Swift type `\(namespace).\(typeName)`: \(reason)")
            }
            let literal = plan.value.literalFields
            for (field, property) in zip(literal, SwiftNames.properties(forFields: literal.map(\.name)))
            where property != SwiftNames.escaped(Identifier.lowerCamelCase(field.name)) {
                warn(
                    "the field `\(field.name)` in key `\(plan.keyName)` is the property `\(property)` of "
                        + "`\(typeName).Fields`", at: field.spec.location)
            }
            switch plan.value {
            case .set(.pattern(let pattern)), .sortedSet(.pattern(let pattern), _):
                for placeholder in pattern.placeholders
                where SwiftNames.memberValueName(placeholder.name) != placeholder.name {
                    warn(
                        "the member placeholder `<\(placeholder.name)>` in key `\(plan.keyName)` is "
                            + "`\(SwiftNames.memberValueName(placeholder.name))` in `\(typeName).Member`")
                }
            default: break
            }
            warnings += fieldWarnings(plan, typeName: typeName)
        }
        warnings += SwiftSlotChecks.warnings(
            for: schema, plans: plans, typeNames: typeNames, namespace: SwiftNames.escaped(namespace))
        return warnings
    }

    private static func fieldWarnings(_ plan: OperationPlan, typeName: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let fields = plan.value.fields
        if plan.redisType == .stream && !plan.value.hasTypedFields {
            for field in fields {
                guard case .pattern(let pattern) = field.name else { continue }
                warnings.append(
                    Diagnostic(
                        .warning, at: field.location,
                        "the stream `\(plan.keyName)` has the dynamic field `\(pattern.source)`, so `\(typeName)` "
                            + "writes and reads untyped fields (name-value pairs of `Swift.String`)",
                        key: plan.keyName))
            }
        }
        for index in SwiftFieldPatternMethods.clashingPatterns(plan.value) {
            let pattern = plan.value.fieldPatterns[index].pattern
            warnings.append(
                Diagnostic(
                    .warning, at: fields.first { $0.name == .pattern(pattern) }?.location ?? plan.location,
                    "the field pattern `\(pattern.source)` in key `\(plan.keyName)` has the same placeholders as an "
                        + "earlier one, so `\(typeName)` has only its `fieldPattern` constant, not its methods; "
                        + "rename a placeholder",
                    key: plan.keyName))
        }
        return warnings
    }
}

/// Which field patterns of a hash get labelled methods (`get(x:y:)`): all but those whose placeholders repeat an
/// earlier pattern's, whose methods would clash.
enum SwiftFieldPatternMethods {
    static func clashingPatterns(_ value: ValueShape) -> [Int] {
        var seen: Set<[String]> = []
        var clashing: [Int] = []
        for (index, (pattern, _)) in value.fieldPatterns.enumerated() {
            let signature = pattern.placeholders.map(\.name)
            if !seen.insert(signature).inserted { clashing.append(index) }
        }
        return clashing
    }
}
