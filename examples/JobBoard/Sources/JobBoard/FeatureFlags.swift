import RedisSchema

/// The feature flags switched on in each environment: one set per environment, `flags:<environment>`, whose
/// members are the names of the flags that are on.
///
/// Switching several flags at once (`SADD`/`SREM` with many members), asking about several (`SMISMEMBER`) and
/// listing a large set in bounded steps (`SSCAN`) are in `FeatureFlags+Many.swift`. What is here switches and
/// reads one flag at a time.
public struct FeatureFlags<Client: RedisClientProtocol>: Sendable {
    /// The connection every operation uses.
    public let redis: Client

    public init(redis: Client) {
        self.redis = redis
    }

    /// Switches `flag` on in `environment` (`SADD`); returns whether it was off before.
    @discardableResult
    public func enable(_ flag: String, in environment: DeploymentEnvironment) async throws -> Bool {
        try await environment.key.add(flag, on: redis)
    }

    /// Switches `flag` off in `environment` (`SREM`); returns whether it was on before.
    @discardableResult
    public func disable(_ flag: String, in environment: DeploymentEnvironment) async throws -> Bool {
        try await environment.key.remove(flag, on: redis)
    }

    /// Whether `flag` is on in `environment` (`SISMEMBER`).
    public func isEnabled(_ flag: String, in environment: DeploymentEnvironment) async throws -> Bool {
        try await environment.key.contains(flag, on: redis)
    }

    /// Every flag that is on in `environment`, sorted (`SMEMBERS`, which reads the whole set in one reply: fine
    /// for the dozens of flags an environment has).
    public func enabledFlags(in environment: DeploymentEnvironment) async throws -> [String] {
        try await environment.key.members(on: redis).sorted()
    }
}

/// Where the service runs; each has its own flags.
///
/// The schema's `enum:` for `<environment>` is the list of environments; the two `switch`es below make the build
/// fail when the two lists differ.
public enum DeploymentEnvironment: String, Sendable, Hashable, CaseIterable {
    case production
    case staging
    case development

    /// The environment's flag set.
    var key: JobKeys.FeatureFlags {
        let environment: JobKeys.FeatureFlags.Environment
        switch self {
        case .production: environment = .production
        case .staging: environment = .staging
        case .development: environment = .development
        }
        // Rendering a value the schema's enum lists cannot fail.
        return try! JobKeys.FeatureFlags(environment: environment)
    }

    /// The environment a generated key names.
    init(_ environment: JobKeys.FeatureFlags.Environment) {
        switch environment {
        case .production: self = .production
        case .staging: self = .staging
        case .development: self = .development
        }
    }
}
