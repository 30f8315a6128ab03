import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

@Suite(.serialized, .enabled(if: LiveServer.port != nil, LiveServer.skipMessage))
struct FeatureFlagsTests {
    @Test func flagsAreSwitchedPerEnvironment() async throws {
        try await LiveServer.withEmptyDatabase(.featureFlags) { app, raw async throws in
            let flags = FeatureFlags(redis: app)
            #expect(try await flags.enable("instant-apply", in: .staging))
            #expect(try await flags.enable("instant-apply", in: .staging) == false, "already on")
            #expect(try await flags.enable("dark-mode", in: .staging))
            #expect(try await flags.isEnabled("instant-apply", in: .staging))
            #expect(try await flags.isEnabled("instant-apply", in: .production) == false)
            #expect(try await flags.enabledFlags(in: .staging) == ["dark-mode", "instant-apply"])
            #expect(try await flags.enabledFlags(in: .production).isEmpty)

            #expect(try await flags.disable("dark-mode", in: .staging))
            #expect(try await flags.disable("dark-mode", in: .staging) == false, "already off")
            #expect(try await raw.texts("SMEMBERS", "flags:staging") == ["instant-apply"])
            #expect(try await raw.pttl("flags:staging") == -1, "the schema says ttl: none")
        }
    }

    @Test func everyEnvironmentHasItsOwnKey() async throws {
        try await LiveServer.withEmptyDatabase(.featureFlags) { app, raw async throws in
            let flags = FeatureFlags(redis: app)
            for environment in DeploymentEnvironment.allCases {
                try await flags.enable("beta", in: environment)
            }
            #expect(DeploymentEnvironment.allCases.map(\.rawValue) == ["production", "staging", "development"])
            let keys = try await raw.texts("KEYS", "*").sorted()
            #expect(keys == ["flags:development", "flags:production", "flags:staging"])
        }
    }
}
