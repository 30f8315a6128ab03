/// The `--name value` options of a benchmark's command line, shared by the benchmark executables so each
/// states only which options it takes and their defaults.
public struct BenchArguments: Sendable {
    private let values: [String: String]

    /// Reads `arguments` (without the program name) as `--name value` pairs.
    ///
    /// Returns `nil` for an option outside `options`, an option without a value, or one given twice, so a
    /// typo stops the run with the usage line instead of measuring something else.
    public init?(_ arguments: some Sequence<String>, options: Set<String>) {
        var values: [String: String] = [:]
        var iterator = arguments.makeIterator()
        while let name = iterator.next() {
            guard options.contains(name), values[name] == nil, let value = iterator.next() else { return nil }
            values[name] = value
        }
        self.values = values
    }

    /// The value of `option`, or `fallback` when it was not given.
    public func string(_ option: String, default fallback: String) -> String {
        values[option] ?? fallback
    }

    /// The value of `option` as a positive integer, `fallback` when it was not given, or `nil` when it is not
    /// one: counts, ports and sizes of zero or less make no run.
    public func positiveInt(_ option: String, default fallback: Int) -> Int? {
        guard let text = values[option] else { return fallback }
        guard let value = Int(text), value > 0 else { return nil }
        return value
    }

    /// Whether `option` was given.
    public func contains(_ option: String) -> Bool {
        values[option] != nil
    }
}
