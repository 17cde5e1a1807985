/// The problems of one row's fields, reported together once the row is read.
struct RowProblems {
    private var list: [(field: String, problem: FieldProblem, text: String)] = []

    /// Whether a value waits for the file's decimal mark, which leaves the row out.
    private var withheld = false

    /// Whether the row has no problem so far.
    var isEmpty: Bool { list.isEmpty && !withheld }

    /// Notes that `field`, holding `bytes`, has `problem`; bytes that are not text are
    /// reported as such rather than quoted as garbage.
    mutating func add(_ problem: FieldProblem, field: String, bytes: UnsafeBufferPointer<UInt8>) {
        // Kept back: the row is read again, or the file reported, once the mark is known.
        if problem == .awaitingDecimalMark {
            withheld = true
            return
        }
        list.append((field, bytes.encodingProblem ?? problem, bytes.messageText))
    }

    /// Reports the problems on `line`; an encoding problem once, as it is the file's rather
    /// than a field's.
    func report(line: Int, log: inout DiagnosticLog) {
        var encodingReported = false
        for (field, problem, text) in list {
            if problem == .notUTF8 || problem == .nulByte {
                if encodingReported { continue }
                encodingReported = true
                if problem == .notUTF8 { log.noteNonUTF8(line: line) }
            }
            log.error(problem.message(field: field, text: text), line: line, remedy: problem == .notUTF8 ? .encoding : nil)
        }
    }
}
