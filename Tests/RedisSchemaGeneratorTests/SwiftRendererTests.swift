import Testing

@testable import RedisSchemaGenerator

/// The layout rules of the one writer that turns the structured representation into text.
@Suite struct SwiftRendererTests {
    func render(_ declaration: SwiftDeclaration) -> String {
        var out = SwiftWriter()
        out.render(declaration)
        return out.text
    }

    func function(_ parameters: [SwiftParameter], body: [SwiftStatement] = []) -> SwiftDeclaration {
        .function(
            SwiftFunction(
                access: "internal", kind: .function("f"), parameters: parameters, isAsync: true, throwsClause: "throws",
                returnType: "Swift.Int", body: body))
    }

    @Test func aShortDeclarationStaysOnOneLine() {
        #expect(
            render(function([SwiftParameter("a", "Swift.Int")]))
                == "internal func f(a: Swift.Int) async throws -> Swift.Int {\n}\n")
    }

    @Test func aLongDeclarationPutsOneParameterPerLine() {
        let parameters = (1...6).map { SwiftParameter(label: "label\($0)", name: "name\($0)", type: "Swift.String") }
        let text = render(function(parameters))
        #expect(text.hasPrefix("internal func f(\n    label1 name1: Swift.String,\n"))
        #expect(text.contains("    label6 name6: Swift.String\n) async throws -> Swift.Int {\n"))
    }

    @Test func aLongCallPacksItsArgumentsOnAContinuationLineThenOnePerLine() {
        let arguments = (1...4).map { SwiftArgument("argument\($0)", .atom("value\($0)value\($0)")) }
        let packed = render(
            function([], body: [.expression(.call("RedisSchema.SomeType.someRatherLongFunctionName", arguments))]))
        #expect(
            packed.contains(
                "    RedisSchema.SomeType.someRatherLongFunctionName(\n        argument1: value1value1, argument2: "
                    + "value2value2, argument3: value3value3, argument4: value4value4)\n"))
        let many = (1...8).map { SwiftArgument("argument\($0)", .atom("someRatherLongValue\($0)")) }
        let split = render(function([], body: [.expression(.call("f", many))]))
        #expect(split.contains("    f(\n        argument1: someRatherLongValue1,\n"))
        #expect(split.contains("        argument8: someRatherLongValue8\n    )\n"))
    }

    @Test func aLoneArrayArgumentHugsTheParentheses() {
        let values = (1...4).map { SwiftExpression.atom("Swift.String(decoding: value\($0), as: Swift.UTF8.self)") }
        let text = render(
            function(
                [],
                body: [
                    .binding(
                        isMutable: false, name: "x", type: nil,
                        value: .try(.call("p.render", [SwiftArgument(nil, .array(values))])))
                ]))
        #expect(
            text.contains("    let x = try p.render([\n        Swift.String(decoding: value1, as: Swift.UTF8.self),\n"))
        #expect(text.contains("    ])\n"))
    }

    @Test func transactionCommandsGoOnePerLine() {
        let commands = SwiftExpression.verticalArray([.atom("a"), .atom("b")])
        let text = render(
            function(
                [], body: [.expression(.call("execute", [SwiftArgument(nil, commands), SwiftArgument("key", "k")]))]))
        #expect(text.contains("    execute([\n        a,\n        b,\n    ], key: k)\n"))
    }

    @Test func docCommentsWrapWithHangingListItems() {
        let doc = "- Throws: " + Array(repeating: "word", count: 40).joined(separator: " ")
        let text = render(.documented(doc, .property(SwiftProperty(access: "internal", name: "x", type: "Swift.Int"))))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 120 })
        #expect(lines[1].hasPrefix("///   word"))
    }
}
