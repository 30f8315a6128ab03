import RedisSchema
import RedisSchemaCore

/// Example `redis-cli` commands that write a key the way generated code does: the key's main write operation
/// from its plan, with made-up values, so the TTL command (`EXPIRE`/`PEXPIRE`), trimming and counters shown are
/// exactly the ones generated code sends.
enum ExampleCommands {
    static func commands(for plan: OperationPlan) -> [String] {
        guard let write = plan.operations.first(where: \.isWrite) else { return [] }
        let key = quote(exampleKey(plan.pattern))
        return write.commands.compactMap { command in
            var words = [command.name]
            for argument in command.arguments {
                words += self.words(for: argument, in: write, plan: plan, key: key)
            }
            // A command whose spread adds nothing is not sent (`HDEL` when every optional field has a value).
            if command.condition == .whenSpreadIsNotEmpty && words.count == command.arguments.count { return nil }
            return words.joined(separator: " ")
        }
    }

    private static func words(
        for argument: CommandArgument, in operation: Operation, plan: OperationPlan, key: String
    ) -> [String] {
        switch argument {
        case .key: return [key]
        case .literal(let text): return [text]
        case .integer(let value): return [String(value)]
        case .cap(let value): return [String(value)]
        case .ttlSeconds(let value), .ttlMilliseconds(let value): return [String(value)]
        case .parameter(let name): return operation.parameter(named: name).map { [quote(sample($0.kind))] } ?? []
        case .renderedField:
            guard case .getField(let index)? = fieldPatternIndex(operation.kind) else { return [] }
            let pattern = plan.value.fieldPatterns[index].pattern
            return [quote(pattern.unchecked(pattern.placeholders.map { sample($0) }))]
        case .setFields:
            guard plan.value.hasTypedFields else { return ["field", "value"] }
            return plan.value.literalFields.flatMap { name, spec in [quote(name), quote(sample(spec.type))] }
        case .unsetFields, .optionalOption, .fieldNames, .optionalParameter, .reverse, .limit: return []
        case .each(let name), .scoredPairs(let name), .scoreBounds(let name, _, _):
            return operation.parameter(named: name).map { [quote(sample($0.kind))] } ?? []
        }
    }

    /// The field pattern an operation works on, as a `getField` kind.
    private static func fieldPatternIndex(_ kind: OperationKind) -> OperationKind? {
        switch kind {
        case .getField(let index), .setField(let index), .incrementField(let index), .removeField(let index):
            return .getField(pattern: index)
        default: return nil
        }
    }

    private static func sample(_ kind: OperationParameter.Kind) -> String {
        switch kind {
        case .value(let type): return sample(type)
        case .member(let member): return memberSample(member)
        case .score(let score): return scoreSample(score)
        case .amount: return "1"
        case .index(let index): return String(index)
        case .entryID(let id): return id
        case .placeholder(let placeholder): return sample(placeholder)
        case .values(let type): return sample(type)
        case .setCondition: return "NX"
        case .listEnd: return "LEFT"
        case .listKey: return "other-list"
        case .timeoutSeconds: return "1.5"
        case .groupName: return "workers"
        case .consumerName: return "worker-1"
        case .entryIDs: return "1700000000000-0"
        case .blockTimeout: return "5000"
        case .minIdleTime: return "60000"
        case .members(let member): return memberSample(member)
        case .scoredMembers(let member, let score): return scoreSample(score) + " " + memberSample(member)
        case .optionalScore(let score): return scoreSample(score)
        case .cursor: return "0"
        case .fields, .untypedFields, .count, .fixedField, .fixedFields, .fixedFieldValue, .order, .offset: return ""
        }
    }

    /// A key of the pattern, with readable made-up values: `session:sid-1`.
    static func exampleKey(_ pattern: KeyPattern) -> String {
        pattern.unchecked(pattern.placeholders.map { sample($0) })
    }

    static func sample(_ placeholder: Placeholder) -> String {
        let rule = placeholder.rule
        if let first = rule.allowedValues?.first { return first }
        switch rule.kind {
        case .string: return "\(placeholder.name)-1"
        case .int: return "42"
        case .uuid: return "9b2c7a1e-4f0d-4c55-8a7e-2f3b1c9d0e6a"
        case .hex: return "1f2e3d"
        }
    }

    static func sample(_ type: ValueType) -> String {
        switch type {
        case .string: return "text"
        case .int: return "42"
        case .float: return "3.5"
        case .bool: return "true"
        case .uuid: return "9b2c7a1e-4f0d-4c55-8a7e-2f3b1c9d0e6a"
        case .timestamp: return "1700000000"
        case .datetime: return "2025-12-12T10:22:00Z"
        case .json: return "{\"key\":\"value\"}"
        }
    }

    private static func memberSample(_ member: MemberSpec) -> String {
        switch member {
        case .type(let type): return sample(type)
        case .pattern(let pattern): return exampleKey(pattern)
        }
    }

    private static func scoreSample(_ score: ScoreType) -> String {
        switch score {
        case .timestamp: return "1700000000"
        case .int: return "42"
        case .float: return "3.5"
        }
    }

    /// Quotes an argument the way `redis-cli` reads it, when it needs quoting.
    static func quote(_ argument: String) -> String {
        let plain =
            !argument.isEmpty
            && argument.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-_:./@*~+".unicodeScalars.contains(scalar)
            }
        if plain { return argument }
        var quoted = "\""
        for character in argument {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
