import RedisSchema

/// One thing application code can do with a key (`push`, `set`, `range`…): its parameters, the commands it
/// sends in order, and how its reply is read. Writes send their commands in one call of the type-guard script
/// (`RedisGuardedWrite`), which runs nothing on a key of another Redis type.
public struct Operation: Sendable, Hashable {
    /// Which operation this is.
    public var kind: OperationKind
    /// Its parameters, in order.
    public var parameters: [OperationParameter]
    /// The commands it sends, in order; a write's TTL and cap commands follow the write itself.
    public var commands: [PlannedCommand]
    /// How the reply of the first command becomes the result.
    public var reply: ReplyDecoding

    /// Creates an operation.
    public init(
        _ kind: OperationKind, parameters: [OperationParameter] = [], commands: [PlannedCommand],
        reply: ReplyDecoding
    ) {
        self.kind = kind
        self.parameters = parameters
        self.commands = commands
        self.reply = reply
    }

    /// Whether it may create or change the key, and so carries the key's TTL (and cap).
    public var isWrite: Bool { kind.isWrite }

    /// The parameter called `name`.
    public func parameter(named name: String) -> OperationParameter? {
        parameters.first { $0.name == name }
    }
}

/// The operations a key can have, named as generated code names its methods.
public enum OperationKind: Sendable, Hashable {
    /// `SET` a string key's value, with its TTL in the same command.
    case set
    /// `GET` a string key's value or a counter.
    case get
    /// `INCRBY` a counter by a non-negative amount.
    case increment
    /// Write a hash's fields (typed, or untyped pairs).
    case setFields
    /// Read all of a hash's fields.
    case getFields
    /// Read, write, increment (`int` or `float`) or remove one fixed field of a hash, named by a key path of
    /// its `Fields`; read several fixed fields at once (`HMGET`).
    case getFixedField, getFixedFields, setFixedField, incrementFixedField(ValueType), removeFixedField
    /// Read, write, increment or remove a field of the hash's field pattern at this index.
    case getField(pattern: Int), setField(pattern: Int), incrementField(pattern: Int), removeField(pattern: Int)
    /// Push at a list's head or tail, pop at either end, read a range, count elements.
    case push, append, popFirst, popLast, range, length
    /// Add or remove a (sorted) set member, test membership, read all members or a member's score.
    case add, remove, contains, members, score
    /// Read a sorted set by rank or by score, or remove a score range.
    case rangeByRank, rangeByScore, removeRangeByScore
    /// Append a stream entry, read entries by ID range, read entries after an ID.
    case addEntry, rangeEntries, readEntries
    // Streams: blocking reads and consumer groups.
    /// Read entries after an ID, waiting for them (`XREAD BLOCK`).
    case readEntriesWaiting
    /// Create a consumer group (`XGROUP CREATE … MKSTREAM`), read as one of its consumers (`XREADGROUP`),
    /// acknowledge entries (`XACK`), read what is pending in summary or entry by entry (`XPENDING`), claim
    /// pending entries for another consumer (`XCLAIM`).
    case createGroup, readGroupEntries, acknowledgeEntries, pendingSummary, pendingEntries, claimEntries

    // String and list (issue 8).
    /// `SET … NX|XX` with the TTL: write only to a missing or only to an existing key.
    case setIf
    /// `GETDEL`: read a string value or counter and delete the key.
    case getAndDelete
    /// `GET` and `PTTL` in one `MULTI`…`EXEC`: the value with how long it has left.
    case getWithTTL
    /// The compare-and-delete script: delete a string key only while it holds a given value (a lock's release).
    case deleteIfEqual
    /// `LPUSH`/`RPUSH` of several elements at once, trimmed to the cap, with the TTL.
    case pushAll, appendAll
    /// `LTRIM`: keep a range of a list.
    case trim
    /// `LREM`: remove occurrences of an element (a finished job from a queue).
    case removeElement
    /// `BLPOP`/`BRPOP`: pop at the head or tail, waiting up to a timeout for an element.
    case popFirstWaiting, popLastWaiting
    /// `LMOVE`/`BLMOVE`: move an element to another list key, then keep that key within its cap and TTL.
    case move, moveWaiting
    // Sets and sorted sets (issue 8):
    /// Add or remove several members at once, or test each of several for membership (`SMISMEMBER`).
    case addMembers, removeMembers, containsEach
    /// Read one page of a set's members (`SSCAN`).
    case scan
    /// Add to a sorted-set member's score (`ZINCRBY`), read a member's rank, remove a rank range.
    case incrementScore, rank, removeRangeByRank

    /// Whether the operation may create or change the key.
    public var isWrite: Bool {
        switch self {
        case .set, .increment, .setFields, .setField, .incrementField, .setFixedField, .incrementFixedField, .push,
            .append, .add, .addEntry, .createGroup, .addMembers, .incrementScore:
            return true
        case .setIf, .pushAll, .appendAll: return true
        default: return false
        }
    }
}

/// A parameter of an ``Operation``.
public struct OperationParameter: Sendable, Hashable {
    /// What the parameter holds.
    public enum Kind: Sendable, Hashable {
        /// A value of a declared type (a string value, a list element, a field value).
        case value(ValueType)
        /// The declared fields of a hash or stream entry.
        case fields
        /// Field names and values of a hash or stream that declares no typed fields.
        case untypedFields
        /// A member of a set or sorted set, as `member:` declares it.
        case member(MemberSpec)
        /// A sorted-set score.
        case score(ScoreType)
        /// How much to add, of this type (`int` for `INCRBY`, `float` for `HINCRBYFLOAT`).
        case amount(ValueType)
        /// A list or rank index; negative counts from the end.
        case index(defaultValue: Int)
        /// One fixed field of a hash, named by a key path of its `Fields`.
        case fixedField
        /// Several fixed fields of a hash, named by key paths of its `Fields`.
        case fixedFields
        /// The value of the fixed field a ``fixedField`` parameter names, of that field's type.
        case fixedFieldValue
        /// A placeholder of a field pattern, from which the field name is rendered.
        case placeholder(Placeholder)
        /// A stream entry ID (`-`, `+`, `0`, `1700000000000-0`).
        case entryID(defaultValue: String)
        /// An optional count (`COUNT n`).
        case count

        // String and list (issue 8).
        /// Several values of a declared type, sent one argument each (`LPUSH k e1 e2 …`).
        case values(ValueType)
        /// A ``RedisSetCondition`` (`NX` or `XX`).
        case setCondition
        /// A ``RedisListEnd`` (`LEFT` or `RIGHT`).
        case listEnd
        /// Another list key of the same element type (a `RedisListKey`), sent as its key.
        case listKey
        /// How long a blocking command waits, a `Duration` sent in seconds with decimals; zero is refused.
        case timeoutSeconds
        // Streams: blocking reads and consumer groups.
        /// The name of a stream's consumer group, or of one of its consumers.
        case groupName, consumerName
        /// Stream entry IDs, at least one, spread as arguments.
        case entryIDs
        /// How long a blocking read waits, a `Duration` sent as whole milliseconds (`BLOCK ms`); never zero.
        case blockTimeout
        /// The least idle time of pending entries, a `Duration` sent as whole milliseconds.
        case minIdleTime
        // Sets and sorted sets (issue 8):
        /// Several members of a set or sorted set.
        case members(MemberSpec)
        /// A sorted-set score bound that may be left out (`nil`: unbounded).
        case optionalScore(ScoreType)
        /// Several sorted-set members, each with its score.
        case scoredMembers(MemberSpec, ScoreType)
        /// A `RedisSortOrder`: ascending, or descending (`REV`, `ZREVRANK`).
        case order
        /// How many results to skip (`LIMIT offset count`).
        case offset
        /// A scan cursor (`"0"` starts a scan).
        case cursor
    }

    /// The name generated code and the command tables use.
    public var name: String
    /// What it holds.
    public var kind: Kind

    /// Creates a parameter.
    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// How the reply of an operation's first command becomes its result.
public enum ReplyDecoding: Sendable, Hashable {
    /// Nothing is returned.
    case none
    /// An integer (a new length, a count, the number removed).
    case integer
    /// A float, as `HINCRBYFLOAT` returns it.
    case double
    /// Whether the integer reply is 1 (added, removed, is a member).
    case flag
    /// The ID of a new stream entry.
    case entryID
    /// A value of the type, or `nil` when missing.
    case value(ValueType)
    /// The value of the fixed field a key path names, of that field's type, or `nil` when it is not set.
    case fixedFieldValue
    /// The values of the fixed fields key paths name, in order, each `nil` when not set.
    case fixedFieldValues
    /// A counter's value; 0 when the key does not exist.
    case counter
    /// All fields of a hash, typed when the hash declares fields; `nil` when the key does not exist.
    case fields(typed: Bool)
    /// An array of elements or members.
    case array
    /// A sorted-set score, or `nil` when the member is not in the set.
    case score
    /// Members with their scores.
    case scoredMembers
    /// Stream entries (IDs with their fields), typed when the stream declares fields.
    case entries(typed: Bool)

    // String and list (issue 8).
    /// Whether a conditional `SET` wrote: `OK`, or a null reply when its condition did not hold.
    case wasSet
    /// The value of the first reply with the key's expiry from the second (`PTTL`); `nil` when missing.
    case valueWithExpiry(ValueType)
    /// The element of a `BLPOP`/`BRPOP` reply, or `nil` when the wait timed out.
    case poppedElement(ValueType)
    // Streams: consumer groups.
    /// Whether a consumer group was created: `true` on `OK`, `false` when the server refuses with `BUSYGROUP`
    /// (it exists already).
    case groupCreated
    /// The summary of `XPENDING key group`.
    case pendingSummary
    /// The entries of `XPENDING key group … count`.
    case pendingEntries
    // Sets and sorted sets (issue 8):
    /// An array of 0s and 1s, one per member asked about (`SMISMEMBER`).
    case flags
    /// A page of members and the cursor for the next (`SSCAN`).
    case scanPage
    /// A member's rank, or `nil` when it is not in the set.
    case rank
    /// The new score of a member (`ZINCRBY`).
    case newScore
}
