// libFuzzer entry point: any bytes go through the schema loader, and schemas that load go through
// the matcher. Built and run by `scripts/fuzz`.

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
    for key in schema.keys {
        _ = key.pattern.render(key.pattern.placeholders.map(\.name))
    }
    return 0
}
