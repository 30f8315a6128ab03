/// A string key's value with how long the key has left, as `getWithTTL()` reads both in one `MULTI`…`EXEC`.
public typealias RedisExpiringValue<Value> = (value: Value, expiry: KeyExpiry)
