import RedisSchema
import Testing

@testable import RedisSchemaCore

/// The loader turns each key into the case of its Redis type, with what that type declares and the
/// schema's defaults for what it leaves out.
@Suite struct KeySpecValueTests {
    /// One key of `type` with `options`, loaded.
    private func value(_ type: String, _ options: String = "") throws -> KeySpec.Value {
        let schema = try loadValid(
            "version: 1\nkeys:\n  k:\n    pattern: k:<id>\n    type: \(type)\n    ttl: none\n" + options)
        return try #require(schema.keys.first).value
    }

    @Test func undeclaredOptionsTakeTheDefaults() throws {
        #expect(try value("string") == .string(.scalar(.string)))
        #expect(try value("hash") == .hash(HashSpec(fields: [])))
        #expect(try value("list") == .list(ListSpec(element: .string, maxLength: nil)))
        #expect(try value("set") == .set(SetSpec(member: .type(.string))))
        #expect(try value("zset") == .zset(SortedSetSpec(member: .type(.string), score: .float)))
        #expect(try value("stream") == .stream(StreamSpec(fields: [], maxLength: nil)))
    }

    @Test func declaredOptionsLandInTheirCase() throws {
        #expect(try value("string", "    value: counter\n") == .string(.counter))
        #expect(try value("STRING", "    value: uuid\n") == .string(.scalar(.uuid)))
        #expect(
            try value("list", "    element: int\n    maxLength: 5\n") == .list(ListSpec(element: .int, maxLength: 5)))
        #expect(try value("set", "    member: uuid\n") == .set(SetSpec(member: .type(.uuid))))
        let zset = try value("zset", "    member: \"user:<u>\"\n    score: timestamp\n")
        guard case .zset(let sorted) = zset, case .pattern(let member) = sorted.member else {
            Issue.record("expected a zset with a member pattern, got \(zset)")
            return
        }
        #expect(member.source == "user:<u>")
        #expect(sorted.score == .timestamp)
        let stream = try value("stream", "    maxLength: 9\n    fields:\n      x: int\n      note: string?\n")
        guard case .stream(let entries) = stream else {
            Issue.record("expected a stream, got \(stream)")
            return
        }
        #expect(entries.maxLength == 9)
        #expect(entries.trimming == .approximate)
        #expect(entries.fields.map(\.name.source) == ["x", "note"])
        #expect(entries.fields.map(\.isOptional) == [false, true])
        #expect(
            try value("stream", "    maxLength: 9\n    trim: exact\n")
                == .stream(StreamSpec(maxLength: 9, trimming: .exact)))
        let hash = try value("hash", "    fields:\n      a: datetime\n")
        #expect(hash.type == .hash)
        guard case .hash(let fields) = hash else { return }
        #expect(fields.fields.map(\.type) == [.datetime])
    }

    /// `trim:` without `maxLength:` changes nothing (the stream is uncapped), so it loads, with a warning that
    /// points at the setting; with an invalid `maxLength:` only the error about the cap is reported.
    @Test func trimWithoutACapIsAWarning() throws {
        let stream = "version: 1\nkeys:\n  k:\n    pattern: k\n    type: stream\n    ttl: none\n    trim: exact\n"
        let result = SchemaLoader.load(stream)
        #expect(
            result.diagnostics.map(\.shortForm) == [
                "7:5: warning: `trim` in key `k` has no effect without `maxLength`; the stream is not capped"
            ])
        let key = try #require(result.schema?.keys.first)
        #expect(OperationPlanner.plan(for: key).cap == CapPolicy.none)
        #expect(
            diagnostics(stream + "    maxLength: 0\n") == [
                "8:16: error: `maxLength` in key `k` must be at least 1, not 0"
            ])
    }

    /// The table of which type takes which option (used for "applies to" errors) and the decoder's
    /// switch agree: every option a type takes changes its value, and every other type refuses it.
    @Test func theOptionTableAndTheDecoderAgree() throws {
        let samples = [
            "fields": "    fields: {a: int}\n", "maxLength": "    maxLength: 3\n", "element": "    element: int\n",
            "member": "    member: uuid\n", "score": "    score: int\n", "value": "    value: counter\n",
            // With its cap: `trim:` alone is a warning, and `approximate` is the default.
            "trim": "    trim: exact\n    maxLength: 3\n",
        ]
        #expect(Set(samples.keys) == Set(SchemaOptions.typeSpecific.map(\.option)))
        for (option, types) in SchemaOptions.typeSpecific {
            let text = try #require(samples[option])
            for type in RedisKeyType.allCases {
                let schema =
                    "version: 1\nkeys:\n  k:\n    pattern: k:<id>\n    type: \(type)\n    ttl: none\n" + text
                let result = SchemaLoader.load(schema)
                if types.contains(type) {
                    #expect(result.diagnostics.isEmpty, "\(option) on \(type): \(result.diagnostics)")
                    let declared = try #require(result.schema?.keys.first).value
                    #expect(declared != (try value(type.rawValue)), "`\(option)` is not read for \(type)")
                    #expect(declared.type == type)
                } else {
                    #expect(
                        result.diagnostics.contains { $0.message.hasPrefix("`\(option)` applies to ") },
                        "\(option) on \(type): \(result.diagnostics)")
                }
            }
        }
    }
}
