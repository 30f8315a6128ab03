import ArgumentParser
import RedisSchemaLint

/// `validate --memory` and `--memory-sample`: memory per pattern and unknown shape.
struct MemoryCheckOptions: ParsableArguments {
    @Flag(
        help: """
            Also read MEMORY USAGE of a sample of the scanned keys and estimate the memory of each pattern \
            and each shape of unknown key.
            """)
    var memory = false

    @Option(
        name: .customLong("memory-sample"), parsing: .unconditional,
        help: ArgumentHelp(
            "The fraction of scanned keys --memory measures, in (0, 1]; 1 measures every key (exact totals).",
            valueName: "rate"))
    var memorySample = 0.01

    func validate() throws {
        // Comparisons with NaN are false, so the guard refuses NaN too.
        guard memorySample > 0, memorySample <= 1 else {
            throw ValidationError("--memory-sample must be in (0, 1], e.g. 0.01 (1 measures every key)")
        }
    }

    /// What the linter measures, or `nil` without `--memory`.
    var options: MemoryOptions? {
        guard memory else { return nil }
        var options = MemoryOptions()
        options.sampleRate = memorySample
        return options
    }
}
