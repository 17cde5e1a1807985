import CreditCore

/// The workspace lines of several shard files in portfolio order: a k-way merge that holds one
/// line per file, so its memory grows with the number of files, never with the portfolio.
///
/// Each file lists its workspaces by name (its reader checks that), as the portfolio does, so
/// the next workspace of the union is always at the head of some file: a min-heap of the heads
/// finds it.
///
/// Used on one thread at a time (a partial merge hands it to the file writer, which runs on the
/// caller's thread), hence unchecked.
final class ShardMergeStream: @unchecked Sendable {
    private let readers: [ShardFileReader]
    /// Every file's next line with its reader, a binary min-heap by workspace name.
    private var heap: [(name: String, reader: Int, record: ShardRecord)] = []
    private var last: (name: String, reader: Int)?
    /// Lines returned so far.
    private(set) var count = 0

    /// A merge of `readers`, whose headers were checked to be of one run.
    init(_ readers: [ShardFileReader]) throws(MergeError) {
        self.readers = readers
        for index in readers.indices { try pull(index) }
    }

    /// The workspace line with the first name not yet returned, or `nil` once every file was
    /// read to its end (and its checksum matched).
    /// - Throws: `MergeError` for a damaged file, or `.inconsistent` when two files hold the
    ///   same workspace.
    func next() throws(MergeError) -> ShardRecord? {
        guard let top = heap.first else { return nil }
        let end = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = end
            siftDown(0)
        }
        if let last, last.name == top.name {
            throw .inconsistent(readers[top.reader].path, "workspace \(JSONValue.quoted(top.name)) is also in \(readers[last.reader].path)")
        }
        last = (top.name, top.reader)
        try pull(top.reader)
        count += 1
        return top.record
    }

    /// Puts the next line of reader `index` on the heap, if it has one.
    private func pull(_ index: Int) throws(MergeError) {
        guard let record = try readers[index].next() else { return }
        heap.append((record.name, index, record))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].name < heap[parent].name else { break }
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
            if left < heap.count, heap[left].name < heap[smallest].name { smallest = left }
            if right < heap.count, heap[right].name < heap[smallest].name { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
