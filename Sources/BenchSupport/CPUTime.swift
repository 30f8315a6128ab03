import RedisSchema

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU seconds spent so far, user and system together, by the benchmark itself or by the server it measures;
/// a run's cost is the difference between two readings.
public enum CPUTime {
    /// This process's CPU seconds, all its threads (`getrusage`): the client's cost, event loop included.
    public static func ofThisProcess() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            // Glibc imports RUSAGE_SELF as an enum case, but `getrusage` takes its integer.
            let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
            let who = RUSAGE_SELF
        #endif
        // RUSAGE_SELF cannot fail; zero keeps a reading defined anyway.
        guard getrusage(who, &usage) == 0 else { return 0 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The server's CPU seconds so far, asked with `INFO cpu`.
    public static func ofServer(_ client: some RedisClientProtocol) async throws -> Double {
        ofServer(info: try await client.send("INFO", "cpu").string ?? "")
    }

    /// The server's CPU seconds from the text of `INFO cpu`: `used_cpu_user` plus `used_cpu_sys`, the main
    /// thread and its I/O threads.
    public static func ofServer(info: String) -> Double {
        var total = 0.0
        for line in info.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":")
            if parts.count == 2, parts[0] == "used_cpu_sys" || parts[0] == "used_cpu_user" {
                total += Double(parts[1]) ?? 0
            }
        }
        return total
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
}
