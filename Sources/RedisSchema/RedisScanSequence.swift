/// The members of a set, fetched a page at a time with `SSCAN` as the loop asks for them: what generated
/// `scanMembers(count:on:)` returns. Unlike `SMEMBERS`, no single reply holds the whole set, so a large set
/// can be walked without blocking the server or holding it all in memory.
///
/// ```swift
/// for try await member in try followers.scanMembers(count: 500, on: redis) { … }
/// ```
///
/// It sends one command per page, so it has no ``RedisOperation`` twin and cannot run in a batch. The scan's
/// guarantees are those of `SSCAN` (see ``RedisScanPage``): a member may come twice if the set is resized
/// meanwhile. Each iterator starts a new scan.
public struct RedisScanSequence<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page at a cursor.
    public typealias PageFetcher = @Sendable (_ cursor: String) async throws -> RedisScanPage<Element>

    private let fetch: PageFetcher

    /// A sequence whose pages `fetch` returns, starting at cursor `"0"`.
    public init(fetch: @escaping PageFetcher) {
        self.fetch = fetch
    }

    /// Creates an iterator that starts a scan.
    public func makeAsyncIterator() -> Iterator {
        Iterator(fetch: fetch)
    }

    /// Walks the pages, one `SSCAN` whenever the members of the previous page are used up.
    public struct Iterator: AsyncIteratorProtocol {
        private let fetch: PageFetcher
        private var cursor = "0"
        private var buffered: [Element] = []
        private var position = 0
        private var isComplete = false

        init(fetch: @escaping PageFetcher) {
            self.fetch = fetch
        }

        /// The next member, or `nil` when the scan is complete.
        public mutating func next() async throws -> Element? {
            // Pages can be empty before the end, so keep asking until a page has members or the cursor is 0.
            while position == buffered.count {
                if isComplete { return nil }
                let page = try await fetch(cursor)
                cursor = page.cursor
                isComplete = page.isComplete
                buffered = page.elements
                position = 0
            }
            defer { position += 1 }
            return buffered[position]
        }
    }
}
