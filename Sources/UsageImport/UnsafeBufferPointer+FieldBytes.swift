import CreditCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The field without the spaces and tabs that spreadsheets leave around values.
    ///
    /// Inlined, as it runs on several fields of every row: nearly every field has nothing to
    /// trim, which two compares settle without a call.
    @inline(__always)
    package var trimmed: UnsafeBufferPointer<UInt8> {
        guard !isEmpty, self[startIndex].isSpaceOrTab || self[endIndex - 1].isSpaceOrTab else { return self }
        return trimmingSpaces()
    }

    /// `trimmed`'s work when there is some.
    private func trimmingSpaces() -> UnsafeBufferPointer<UInt8> {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isSpaceOrTab { start += 1 }
        while end > start, self[end - 1].isSpaceOrTab { end -= 1 }
        if start == startIndex, end == endIndex { return self }
        return UnsafeBufferPointer(rebasing: self[start..<end])
    }

    /// Whether the two hold the same bytes; `memcmp` because it runs once per field per row.
    func sameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        return count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0
    }

    /// Whether the bytes spell `word` (lower-case ASCII) in any ASCII case.
    func equalsIgnoringCase(_ word: String) -> Bool {
        guard count == word.utf8.count else { return false }
        return zip(self, word.utf8).allSatisfy { $0.asciiLowercased == $1 }
    }

    /// The field as quoted in a message: invalid UTF-8 shown as replacement characters, cut
    /// short and with control characters written out (`String.messageExcerpt`).
    var messageText: String { String(decoding: self, as: UTF8.self).messageExcerpt }

    /// The field as a name: non-empty UTF-8 text without NUL bytes.
    var nameText: Result<String, FieldProblem> {
        if isEmpty { return .failure(.empty) }
        if memchr(baseAddress!, 0, count) != nil { return .failure(.nulByte) }
        guard let text = String(validating: self, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }

    /// What is wrong with a field that did not parse, when it is the encoding and not the
    /// value: messages then say how to save the file rather than quote garbage.
    var encodingProblem: FieldProblem? {
        if !isEmpty, memchr(baseAddress!, 0, count) != nil { return .nulByte }
        return String(validating: self, as: UTF8.self) == nil ? .notUTF8 : nil
    }
}
