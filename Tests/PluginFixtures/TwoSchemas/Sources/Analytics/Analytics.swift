import RedisSchema

/// Uses the accessors generated from this target's redis-schema.yaml.
public func sessionKey(_ sid: String) throws -> String {
    try UXKeys.Session(sid: sid).key
}
