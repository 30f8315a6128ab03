// RedisSchema: the runtime that generated code imports, and the lowest module of the package.
//
// It owns the one definition of key, member and field patterns (Pattern/: parse, render, match,
// capture and the precedence rule), placeholder rules, value codecs, the runtime's errors, the
// client protocol generated code talks through, and the type guard its writes run in (TypeGuard/). It depends on the standard library and
// FoundationEssentials only: no NIO, no libyaml, so an application that uses generated accessors
// builds little.
