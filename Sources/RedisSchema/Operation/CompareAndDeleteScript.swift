/// The script behind a string key's `delete(ifEqualTo:)`, the release of a lock: it deletes the key only while
/// it still holds the caller's value, so a lock that expired and was taken by someone else is left alone.
/// `GET` and `UNLINK` in one script, since between two commands the value could change.
///
/// `KEYS[1]` is the key, `ARGV[1]` its declared type (`string`), `ARGV[2]` the expected value. It answers 1
/// when it deleted the key and 0 otherwise, and refuses a key of another type like every write.
enum CompareAndDeleteScript {
    static let script = RedisScript(
        source: RedisScript.typeCheck + "\n" + """
            if redis.call('GET', KEYS[1]) == ARGV[2] then
                return redis.call('UNLINK', KEYS[1])
            end
            return 0
            """,
        sha1: "220a0adb9931cb39f9027fea81822c8aaf2a2792")
}
