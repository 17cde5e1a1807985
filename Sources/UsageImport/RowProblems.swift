/// The problems of one row's fields, reported together once the row is read.
struct RowProblems {
    private var list: [(field: String, problem: FieldProblem, text: String)] = []

    /// Whether the row has no problem so far.
    var isEmpty: Bool { list.isEmpty }

    /// Notes that `field`, holding `bytes`, has `problem`; bytes that are not text are
    /// reported as such rather than quoted as garbage.
    mutating func add(_ problem: FieldProblem, field: String, bytes: UnsafeBufferPointer<UInt8>) {
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
            }
            log.error(problem.message(field: field, text: text), line: line)
        }
    }
}
