/// Renders the structured representation: the only place that decides how generated Swift is laid out.
/// Lines stay within ``SwiftWriter/maxLineLength``: a declaration that does not fit puts one parameter per line,
/// a call puts its arguments on a continuation line or one per line, an array one row per line.
extension SwiftWriter {
    /// Writes `declaration` at the current indentation.
    mutating func render(_ declaration: SwiftDeclaration) {
        switch declaration {
        case .documented(let doc, let declaration):
            self.doc(doc)
            render(declaration)
        case .attributed(let attribute, let declaration):
            line(attribute)
            render(declaration)
        case .type(let type): render(type)
        case .property(let property): render(property)
        case .function(let function): render(function)
        case .group(let declarations):
            for declaration in declarations { render(declaration) }
        case .siblings(let declarations):
            for (index, declaration) in declarations.enumerated() {
                if index > 0 { blank() }
                render(declaration)
            }
        case .enumCase(let name, let rawValue):
            line("case \(name)" + (rawValue.map { " = \(SwiftNames.literal($0))" } ?? ""))
        case .typeAlias(let access, let name, let type):
            line("\(access) typealias \(name) = \(type)")
        }
    }

    private mutating func render(_ type: SwiftTypeDeclaration) {
        let head = "nonisolated \(type.access) \(type.kind.rawValue) \(type.name)"
        let conformances = type.conformances.joined(separator: ", ")
        var header = type.conformances.isEmpty ? head : "\(head): \(conformances)"
        // Too long for one line: the conformances on their own line and the brace on the next, as swift-format does.
        if !fits(header + " {") { header = "\(head):\n    \(conformances)\n" }
        block(header) { out in
            for (index, member) in type.members.enumerated() {
                if index > 0 { out.blank() }
                out.render(member)
            }
        }
    }

    private mutating func render(_ property: SwiftProperty) {
        let head =
            "\(property.access) \(property.isStatic ? "static " : "")\(property.isMutable || property.getter != nil ? "var" : "let") "
            + property.name + (property.type.map { ": \($0)" } ?? "")
        if let getter = property.getter {
            if getter.count == 1, case .expression(let value) = getter[0], let text = inline(value),
                fits("\(head) { \(text) }")
            {
                line("\(head) { \(text) }")
                return
            }
            block(head) { out in out.render(getter) }
        } else if let value = property.value {
            emit(value, prefix: head + " = ", suffix: "")
        } else {
            line(head)
        }
    }

    private mutating func render(_ function: SwiftFunction) {
        var name: String
        switch function.kind {
        case .function(let functionName):
            let generics = function.genericParameters
            name = "func \(functionName)" + (generics.isEmpty ? "" : "<\(generics.joined(separator: ", "))>")
            // Too long for one line: one generic parameter per line, as swift-format does with parameters.
            if !fits("\(function.access) static \(name)(") {
                name = "func \(functionName)<\n" + generics.map { "    " + $0 }.joined(separator: ",\n") + "\n>"
            }
        case .initializer: name = "init"
        case .failableInitializer: name = "init?"
        }
        let parameters = function.parameters.map { parameter in
            let declared = parameter.label == parameter.name ? parameter.name : "\(parameter.label) \(parameter.name)"
            return "\(declared): \(parameter.type)" + (parameter.defaultValue.map { " = \($0)" } ?? "")
        }
        var effects = ""
        if function.isAsync { effects += " async" }
        if let throwsClause = function.throwsClause { effects += " \(throwsClause)" }
        if let returnType = function.returnType { effects += " -> \(returnType)" }
        if !function.requirements.isEmpty { effects += " where " + function.requirements.joined(separator: ", ") }
        let head = "\(function.access)\(function.isStatic ? " static" : "") \(name)("
        let oneLine = head + parameters.joined(separator: ", ") + ")" + effects
        let header =
            fits(oneLine + " {") || parameters.isEmpty
            ? oneLine : head + "\n" + parameters.map { "    " + $0 }.joined(separator: ",\n") + "\n)" + effects
        block(header) { out in out.render(function.body) }
    }

    // MARK: Statements

    /// Writes statements in order.
    mutating func render(_ statements: [SwiftStatement]) {
        for statement in statements { render(statement) }
    }

    private mutating func render(_ statement: SwiftStatement) {
        switch statement {
        case .expression(let expression): emit(expression, prefix: "", suffix: "")
        case .binding(let isMutable, let name, let type, let value):
            emit(value, prefix: "\(isMutable ? "var" : "let") \(name)\(type.map { ": \($0)" } ?? "") = ", suffix: "")
        case .assignment(let target, let op, let value): emit(value, prefix: "\(target) \(op) ", suffix: "")
        case .return(let value?): emit(value, prefix: "return ", suffix: "")
        case .return(nil): line("return")
        case .throw(let value): emit(value, prefix: "throw ", suffix: "")
        case .guard(let conditions, let body):
            block("guard \(conditions.joined(separator: ",\n    ")) else") { out in out.render(body) }
        case .if(let condition, let then, let otherwise):
            ifElse(
                condition, { out in out.render(then) },
                else: otherwise.map { otherwise in { out in out.render(otherwise) } })
        case .for(let pattern, let sequence, let body):
            emit(sequence, prefix: "for \(pattern) in ", suffix: " {")
            indented { out in out.render(body) }
            line("}")
        case .switch(let subject, let cases, let otherwise):
            line("switch \(subject) {")
            for (pattern, body) in cases + (otherwise.map { [("default", $0)] } ?? []) {
                let label = pattern == "default" ? "default:" : "case \(pattern):"
                // A one-statement case on one line when it fits: tables of cases read best that way.
                if body.count == 1, case .return(.atom(let value)?) = body[0], fits(label + " return " + value) {
                    line(label + " return " + value)
                } else {
                    line(label)
                    indented { out in out.render(body) }
                }
            }
            line("}")
        }
    }

    // MARK: Expressions

    /// The expression on one line, or `nil` when it holds a closure (which always spans lines).
    func inline(_ expression: SwiftExpression) -> String? {
        switch expression {
        case .atom(let text): return text
        case .member(let base, let name): return inline(base).map { "\($0).\(name)" }
        case .call(let callee, let arguments, let closure):
            guard closure == nil, let callee = inline(callee) else { return nil }
            let texts = arguments.map { argument in inline(argument.value).map { text in label(argument) + text } }
            guard !texts.contains(where: { $0 == nil }) else { return nil }
            return "\(callee)(\(texts.map { $0! }.joined(separator: ", ")))"
        case .array(let rows):
            let texts = rows.flatMap { $0 }.map(inline)
            guard !texts.contains(where: { $0 == nil }) else { return nil }
            return "[\(texts.map { $0! }.joined(separator: ", "))]"
        case .verticalArray: return nil
        case .dictionary(let entries):
            let texts = entries.map { entry in inline(entry.value).map { "\(entry.key): \($0)" } }
            guard !texts.contains(where: { $0 == nil }) else { return nil }
            return "[\(texts.map { $0! }.joined(separator: ", "))]"
        case .try(let inner): return inline(inner).map { "try \($0)" }
        case .await(let inner): return inline(inner).map { "await \($0)" }
        case .binary(let lhs, let op, let rhs):
            guard let lhs = inline(lhs), let rhs = inline(rhs) else { return nil }
            return "\(lhs) \(op) \(rhs)"
        }
    }

    private func label(_ argument: SwiftArgument) -> String {
        argument.label.map { "\($0): " } ?? ""
    }

    /// Writes `prefix`, the expression and `suffix`, on one line when they fit, else broken at the expression's
    /// outermost call arguments or array rows.
    mutating func emit(_ expression: SwiftExpression, prefix: String, suffix: String) {
        if let text = inline(expression), fits(prefix + text + suffix) {
            line(prefix + text + suffix)
            return
        }
        switch expression {
        case .atom(let text): line(prefix + text + suffix)
        case .member(let base, let name): emit(base, prefix: prefix, suffix: ".\(name)" + suffix)
        case .try(let inner): emit(inner, prefix: prefix + "try ", suffix: suffix)
        case .await(let inner): emit(inner, prefix: prefix + "await ", suffix: suffix)
        case .binary(let lhs, let op, let rhs):
            if let rhs = inline(rhs) {
                emit(lhs, prefix: prefix, suffix: " \(op) \(rhs)" + suffix)
            } else {
                emit(lhs, prefix: prefix, suffix: " \(op)")
                indented { out in out.emit(rhs, prefix: "", suffix: suffix) }
            }
        case .array(let rows):
            line(prefix + "[")
            indented { out in
                for row in rows {
                    let texts = row.compactMap { out.inline($0) }
                    if texts.count == row.count && out.fits(texts.joined(separator: ", ") + ",") {
                        out.line(texts.joined(separator: ", ") + ",")
                    } else {
                        for element in row { out.emit(element, prefix: "", suffix: ",") }
                    }
                }
            }
            line("]" + suffix)
        case .dictionary(let entries):
            line(prefix + "[")
            indented { out in
                for entry in entries { out.emit(entry.value, prefix: "\(entry.key): ", suffix: ",") }
            }
            line("]" + suffix)
        case .verticalArray(let elements):
            line(prefix + "[")
            indented { out in
                for element in elements { out.emit(element, prefix: "", suffix: ",") }
            }
            line("]" + suffix)
        case .call(let callee, let arguments, let closure):
            emitCall(callee, arguments, closure: closure, prefix: prefix, suffix: suffix)
        }
    }

    private mutating func emitCall(
        _ callee: SwiftExpression, _ arguments: [SwiftArgument], closure: SwiftClosure?, prefix: String,
        suffix: String
    ) {
        let closing = closure.map { closure in closure.parameters.map { " { \($0) in" } ?? " {" } ?? suffix
        let inlineArguments = arguments.compactMap { argument in inline(argument.value).map { label(argument) + $0 } }
        if arguments.isEmpty {
            emit(callee, prefix: prefix, suffix: (closure == nil ? "()" : "") + closing)
        } else if inline(callee) == nil, inlineArguments.count == arguments.count {
            // A method of a multi-line expression, such as an operation built with a closure: `}.answering(…)`.
            emit(callee, prefix: prefix, suffix: "(\(inlineArguments.joined(separator: ", ")))" + closing)
        } else {
            let head = prefix + (inline(callee) ?? "") + "("
            let texts = arguments.map { argument in inline(argument.value).map { label(argument) + $0 } }
            if case .verticalArray = arguments.first?.value, arguments.count > 1, arguments[0].label == nil,
                !texts.dropFirst().contains(where: { $0 == nil })
            {
                // `f([` the elements `], rest)`: the list first, the short arguments after it.
                let rest = texts.dropFirst().map { $0! }.joined(separator: ", ")
                emit(arguments[0].value, prefix: head, suffix: ", \(rest))" + closing)
            } else if arguments.count == 1, arguments[0].label == nil, case .array = arguments[0].value {
                // A lone array argument hugs the parentheses: `f([` … `])`.
                emit(arguments[0].value, prefix: head, suffix: ")" + closing)
            } else if !texts.contains(where: { $0 == nil }),
                fits("    " + texts.map { $0! }.joined(separator: ", ") + ")" + closing)
            {
                line(head)
                // Before a trailing closure the parenthesis closes on a line of its own, as swift-format wants.
                if closure == nil {
                    line("    " + texts.map { $0! }.joined(separator: ", ") + ")" + closing)
                } else {
                    line("    " + texts.map { $0! }.joined(separator: ", "))
                    line(")" + closing)
                }
            } else {
                line(head)
                indented { out in
                    for (index, argument) in arguments.enumerated() {
                        let comma = index < arguments.count - 1 ? "," : ""
                        out.emit(argument.value, prefix: out.label(argument), suffix: comma)
                    }
                }
                line(")" + closing)
            }
        }
        guard let closure else { return }
        indented { out in out.render(closure.body) }
        line("}" + suffix)
    }
}
