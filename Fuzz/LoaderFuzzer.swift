// libFuzzer entry point: any bytes go through the schema loader, and schemas that load go through
// the matcher, and keys rendered from them must come back to their own spec. Built and run by
// `scripts/fuzz`.

import RedisSchemaCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchemaLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = SchemaLoader.load(bytes: bytes, file: "fuzz.yaml")
    for diagnostic in result.diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
    }
    guard let schema = result.schema else { return 0 }
    let matcher = schema.makeMatcher()
    var scratch = KeyMatcher.Scratch()
    // The input itself, and each of its lines, as keys.
    _ = bytes.withUnsafeBytes { matcher.match($0, scratch: &scratch) }
    for line in bytes.split(separator: UInt8(ascii: "\n")).prefix(64) {
        let outcome = Array(line).withUnsafeBytes { matcher.match($0, scratch: &scratch) }
        if case .matched(let index) = outcome {
            _ = matcher.captures(of: index, in: line)
        }
    }
    // What renders belongs to its own spec, with the same values: the pattern engine and the trie agree.
    for (index, key) in schema.keys.enumerated() {
        let values = key.pattern.placeholders.map(\.name)
        guard let rendered = try? key.pattern.render(values) else { continue }
        precondition(matcher.match(Array(rendered.utf8)) == .matched(pattern: index), "\(rendered) for \(key.name)")
        precondition(matcher.captures(of: index, in: Array(rendered.utf8)) == values.map { Array($0.utf8) })
    }
    return 0
}
