import ArgumentParser
import RedisSchemaLint

/// `validate --deep`, `--deep-sample` and `--max-key-bytes`: reading inside sampled keys' values.
struct DeepCheckOptions: ParsableArguments {
    @Flag(
        help: """
            Also read inside sampled keys' values (bounded: at most 100 fields, elements, entries or members \
            per key) and check them against the schema.
            """)
    var deep = false

    @Option(
        name: .customLong("deep-sample"), parsing: .unconditional,
        help: ArgumentHelp(
            "The fraction of checked keys whose values --deep reads, in (0, 1]; 1 reads every key.",
            valueName: "rate"))
    var deepSample = 0.01

    @Option(
        name: .customLong("max-key-bytes"), parsing: .unconditional,
        help: ArgumentHelp(
            "Report sampled keys whose MEMORY USAGE is above this many bytes (big-key).", valueName: "bytes"))
    var maxKeyBytes: Int?

    func validate() throws {
        // Comparisons with NaN are false, so the guard refuses NaN too.
        guard deepSample > 0, deepSample <= 1 else {
            throw ValidationError("--deep-sample must be in (0, 1], e.g. 0.01 (1 reads every key)")
        }
        if let maxKeyBytes, maxKeyBytes < 1 { throw ValidationError("--max-key-bytes must be at least 1") }
    }

    /// What the linter reads, or `nil` when neither `--deep` nor `--max-key-bytes` is given.
    var options: DeepOptions? {
        guard deep || maxKeyBytes != nil else { return nil }
        var options = DeepOptions()
        options.sampleRate = deepSample
        options.checksValues = deep
        options.maxKeyBytes = maxKeyBytes
        return options
    }
}
