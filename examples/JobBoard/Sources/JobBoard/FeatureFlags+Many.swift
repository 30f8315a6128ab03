import RedisSchema

extension FeatureFlags {
    /// Switches every flag of `flags` on in `environment` in one command (`SADD flags:<environment> f1 f2 …`);
    /// returns how many were off before.
    @discardableResult
    public func enable(_ flags: [String], in environment: DeploymentEnvironment) async throws -> Int {
        guard !flags.isEmpty else { return 0 }
        return try await environment.key.add(contentsOf: flags, on: redis)
    }

    /// Switches every flag of `flags` off in `environment` in one command (`SREM`); returns how many were on.
    @discardableResult
    public func disable(_ flags: [String], in environment: DeploymentEnvironment) async throws -> Int {
        guard !flags.isEmpty else { return 0 }
        return try await environment.key.remove(contentsOf: flags, on: redis)
    }

    /// Whether each flag of `flags` is on in `environment`, in their order, in one command (`SMISMEMBER`).
    public func areEnabled(_ flags: [String], in environment: DeploymentEnvironment) async throws -> [Bool] {
        guard !flags.isEmpty else { return [] }
        return try await environment.key.contains(each: flags, on: redis)
    }

    /// At most `limit` of the flags on in `environment`, read in `SSCAN` pages of about `pageSize`, so a set that
    /// grew large (flags nobody cleans up) costs the server a bounded amount of work per call, unlike `SMEMBERS`.
    ///
    /// - Returns: the flags found (a page may overshoot `limit`; the extra ones are dropped), and whether they are
    ///   all of them.
    public func enabledFlags(
        in environment: DeploymentEnvironment, limit: Int, pageSize: Int = 100
    ) async throws -> (flags: [String], isComplete: Bool) {
        var flags: [String] = []
        var seen: Set<String> = []  // SSCAN may return a member twice when the set changes during the scan
        var cursor = "0"
        while flags.count < limit {
            let page = try await environment.key.scan(from: cursor, count: pageSize, on: redis)
            for flag in page.elements where seen.insert(flag).inserted { flags.append(flag) }
            if page.isComplete { return (Array(flags.prefix(limit)), flags.count <= limit) }
            cursor = page.cursor
        }
        return (Array(flags.prefix(limit)), false)
    }
}
