import RedisSchema
import Testing

@testable import RedisSchemaCore

@Suite struct SuggestionTests {
    @Test func suggestsCloseNames() {
        #expect(Suggestion.closest(to: "tll", among: SchemaOptions.allKeyOptions) == "ttl")
        #expect(Suggestion.closest(to: "patern", among: SchemaOptions.allKeyOptions) == "pattern")
        #expect(Suggestion.closest(to: "hashmap", among: RedisKeyType.allCases.map(\.rawValue)) == "hash")
        #expect(Suggestion.closest(to: "xyz", among: SchemaOptions.allKeyOptions) == nil)
    }

    @Test func convertsIdentifiers() {
        #expect(Identifier.upperCamelCase("sessionLive") == "SessionLive")
        #expect(Identifier.upperCamelCase("exp_score") == "ExpScore")
        #expect(Identifier.upperCamelCase("replay-queue") == "ReplayQueue")
        #expect(Identifier.lowerCamelCase("user_id") == "userId")
        #expect(Identifier.lowerCamelCase("URLPath") == "urlPath")
        #expect(Identifier.lowerCamelCase("ID") == "id")
        #expect(Identifier.isValid("_a1"))
        #expect(!Identifier.isValid("1a"))
        #expect(!Identifier.isValid("a-b"))
    }
}
