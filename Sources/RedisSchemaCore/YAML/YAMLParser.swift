import CYaml

/// Turns YAML text into a ``YAMLNode`` tree using libyaml's event API, which gives every node its
/// position.
///
/// Beyond what libyaml checks, it rejects what a schema must not contain and libyaml lets through:
/// several documents, duplicate keys, undefined aliases, non-scalar keys, and inputs that would blow
/// up (deep nesting, alias bombs). Problems after which parsing can go on (duplicate keys, a bad
/// merge) are collected; the rest end the parse with a single diagnostic.
struct YAMLParser {
    private let file: String
    private let limits: YAMLLimits
    private var diagnostics: [Diagnostic] = []
    private var frames: [Frame] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var aliasExpansion = 0
    private var documents = 0
    private var root: YAMLNode?

    /// Parses `bytes`; returns the root node (`nil` when the file holds no document) and every
    /// problem found.
    static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> (YAMLNode?, [Diagnostic]) {
        var parser = YAMLParser(file: file, limits: limits)
        do {
            try parser.checkInput(bytes)
            try parser.run(bytes)
            return (parser.root, parser.diagnostics)
        } catch {
            return (nil, parser.diagnostics + [error.diagnostic])
        }
    }

    private init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func fail(_ message: String, at location: SourceLocation) -> YAMLParseFailure {
        YAMLParseFailure(diagnostic: Diagnostic(.error, at: location, message))
    }

    private func checkInput(_ bytes: [UInt8]) throws(YAMLParseFailure) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.count > limits.maxBytes {
            throw fail(
                "the file is \(bytes.count) bytes; schemas larger than \(limits.maxBytes) bytes are refused",
                at: start)
        }
        if let offset = UTF8Validation.firstInvalidByte(in: bytes) {
            let position = UTF8Validation.lineAndColumn(ofByte: offset, in: bytes)
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            throw fail(
                "the file is not valid UTF-8 (byte 0x\(hex) here); save it as UTF-8",
                at: SourceLocation(file: file, line: position.line, column: position.column))
        }
    }

    private mutating func run(_ bytes: [UInt8]) throws(YAMLParseFailure) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw fail("libyaml could not allocate a parser", at: SourceLocation(file: file, line: 1, column: 1))
        }
        defer { yaml_parser_delete(parser) }

        try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLParseFailure) in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError(parser.pointee) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                try handle(event)
            }
        }
    }

    private func syntaxError(_ parser: yaml_parser_t) -> YAMLParseFailure {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            let where_ = location(parser.context_mark)
            message += " (\(context) at line \(where_.line), column \(where_.column))"
        }
        return fail("YAML syntax error: \(message)", at: location(parser.problem_mark))
    }

    private mutating func handle(_ event: yaml_event_t) throws(YAMLParseFailure) {
        let start = location(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw fail("a second YAML document starts here; a schema file holds exactly one document", at: start)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            // An explicit `!!str` tag makes even `null` a string, as quoting would.
            let isStringTagged = scalar.tag.map { String(cString: $0) == "tag:yaml.org,2002:str" } ?? false
            let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && !isStringTagged
            let node = YAMLNode(.scalar(text, isPlain: isPlain), at: start)
            try complete(node, weight: 1, anchor: string(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw fail("the alias `*\(name)` refers to no anchor `&\(name)` defined before it", at: start)
            }
            aliasExpansion += target.weight
            if aliasExpansion > limits.maxAliasExpansion {
                throw fail(
                    "aliases expand to more than \(limits.maxAliasExpansion) nodes; "
                        + "this looks like an alias bomb, so the file is refused",
                    at: start)
            }
            var node = target.node
            node.location = start
            try complete(node, weight: target.weight, anchor: nil)
        case YAML_MAPPING_START_EVENT:
            try push(Frame(kind: .mapping, start: start, anchor: string(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_START_EVENT:
            try push(Frame(kind: .sequence, start: start, anchor: string(event.data.sequence_start.anchor)))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            guard let frame = frames.popLast() else { return }
            let content: YAMLNode.Content
            switch frame.kind {
            case .mapping: content = .mapping(resolveMerges(frame))
            case .sequence: content = .sequence(frame.items)
            }
            try complete(YAMLNode(content, at: frame.start), weight: frame.weight, anchor: frame.anchor)
        default:
            break
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private mutating func push(_ frame: Frame) throws(YAMLParseFailure) {
        if frames.count >= limits.maxDepth {
            throw fail("the document nests deeper than \(limits.maxDepth) levels", at: frame.start)
        }
        frames.append(frame)
    }

    /// Hands a finished node to the collection being built, or makes it the root.
    ///
    /// The collection is mutated in place (`frames[top]`), never copied out and back: a copy
    /// would make every append copy the whole collection, and large files quadratic.
    private mutating func complete(_ node: YAMLNode, weight: Int, anchor: String?) throws(YAMLParseFailure) {
        if let anchor { anchors[anchor] = (node, weight) }
        guard !frames.isEmpty else {
            root = node
            return
        }
        let top = frames.count - 1
        frames[top].weight += weight
        if let problem = frames[top].add(node) { diagnostics.append(problem) }
    }

    /// Applies `<<` merge keys: keys written in the mapping win over merged ones, and earlier merge
    /// sources win over later ones, as YAML's merge key type specifies.
    private mutating func resolveMerges(_ mapping: Frame) -> [YAMLMappingEntry] {
        guard !mapping.merges.isEmpty else { return mapping.entries }
        var entries = mapping.entries
        var seen = Set(mapping.seen.keys)
        for merge in mapping.merges {
            let sources: [YAMLNode]
            switch merge.content {
            case .mapping: sources = [merge]
            case .sequence(let items): sources = items
            case .scalar:
                sources = []
                diagnostics.append(
                    Diagnostic(.error, at: merge.location, "the merge key `<<` takes a mapping or a list of mappings"))
            }
            for source in sources {
                guard case .mapping(let merged) = source.content else {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: source.location, "the merge key `<<` takes a mapping or a list of mappings"))
                    continue
                }
                for entry in merged where seen.insert(entry.key).inserted {
                    entries.append(entry)
                }
            }
        }
        return entries
    }
}

private struct PendingKey {
    var text: String
    var location: SourceLocation
    var isMerge: Bool
    var isValid: Bool
}

/// A mapping or sequence whose end has not been reached yet.
private struct Frame {
    enum Kind {
        case mapping
        case sequence
    }

    var kind: Kind
    var start: SourceLocation
    var anchor: String?
    var items: [YAMLNode] = []
    var entries: [YAMLMappingEntry] = []
    var merges: [YAMLNode] = []
    var seen: [String: SourceLocation] = [:]
    var pendingKey: PendingKey?
    /// The number of nodes in the collection, counting what aliases copy in.
    var weight = 1

    init(kind: Kind, start: SourceLocation, anchor: String?) {
        self.kind = kind
        self.start = start
        self.anchor = anchor
    }

    /// Adds an item, a mapping key or a mapping value; returns the problem with it, if any.
    mutating func add(_ node: YAMLNode) -> Diagnostic? {
        if kind == .sequence {
            items.append(node)
            return nil
        }
        guard let key = pendingKey else {
            guard case .scalar(let text, let isPlain) = node.content else {
                pendingKey = PendingKey(text: "", location: node.location, isMerge: false, isValid: false)
                return Diagnostic(
                    .error, at: node.location, "a mapping key must be a plain name, not \(node.kindDescription)")
            }
            pendingKey = PendingKey(
                text: text, location: node.location, isMerge: isPlain && text == "<<", isValid: true)
            return nil
        }
        pendingKey = nil
        guard key.isValid else { return nil }
        if key.isMerge {
            merges.append(node)
        } else if let first = seen[key.text] {
            return Diagnostic(
                .error, at: key.location,
                "duplicate key `\(key.text)`; it is already defined at line \(first.line), column \(first.column)")
        } else {
            seen[key.text] = key.location
            entries.append(YAMLMappingEntry(key: key.text, keyLocation: key.location, value: node))
        }
        return nil
    }
}

/// A problem after which the parse cannot go on.
struct YAMLParseFailure: Error {
    var diagnostic: Diagnostic
}
