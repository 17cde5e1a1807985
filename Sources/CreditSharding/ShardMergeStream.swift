/// The workspace lines of several shard files in portfolio order: a k-way merge that holds one
/// line per file, so its memory grows with the number of files, never with the portfolio.
///
/// Each file lists its workspaces in ascending position (its reader checks that), so the next
/// workspace of the union is always at the head of some file: a min-heap of the heads finds it.
///
/// Used on one thread at a time (a partial merge hands it to the file writer, which runs on the
/// caller's thread), hence unchecked.
final class ShardMergeStream: @unchecked Sendable {
    private let readers: [ShardFileReader]
    /// `(position, reader)` of every file's next line, a binary min-heap by position.
    private var heap: [(position: Int, reader: Int, record: ShardRecord)] = []
    private var last: (position: Int, reader: Int)?
    /// Lines returned so far.
    private(set) var count = 0

    /// A merge of `readers`, whose headers were checked to be of one run.
    init(_ readers: [ShardFileReader]) throws(MergeError) {
        self.readers = readers
        for index in readers.indices { try pull(index) }
    }

    /// The workspace line with the lowest position not yet returned, or `nil` once every file
    /// was read to its end (and its checksum matched).
    /// - Throws: `MergeError` for a damaged file, or `.inconsistent` when two files hold the
    ///   same position.
    func next() throws(MergeError) -> ShardRecord? {
        guard let top = heap.first else { return nil }
        let end = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = end
            siftDown(0)
        }
        if let last, last.position == top.position {
            throw .inconsistent(
                readers[top.reader].path, "position \(top.position) is also taken in \(readers[last.reader].path)")
        }
        last = (top.position, top.reader)
        try pull(top.reader)
        count += 1
        return top.record
    }

    /// Puts the next line of reader `index` on the heap, if it has one.
    private func pull(_ index: Int) throws(MergeError) {
        guard let record = try readers[index].next() else { return }
        heap.append((record.position, index, record))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].position < heap[parent].position else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].position < heap[smallest].position { smallest = left }
            if right < heap.count, heap[right].position < heap[smallest].position { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
