// RedisSchemaCore: from `schema.yaml` to a checked model, with no networking.
//
// It owns YAML loading on libyaml (YAML/), decoding into the typed schema model with located
// diagnostics (Loader/, Model/, Diagnostics/), schema analysis (Analysis/: which patterns overlap and
// where shared keys go, by the runtime's precedence rule), and the compiled key matcher (Matcher/:
// a trie that is the fast path of the runtime's pattern engine, tested against it).
