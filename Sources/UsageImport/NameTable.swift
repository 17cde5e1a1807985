import CreditCore

/// The distinct names of one kind (workspaces, seats, plans) with dense ids, making a `String`
/// only the first time a name is met.
///
/// A name is its NFC form (`String.canonicalName`). Plain ASCII bytes are NFC as they are, so
/// only other names are normalised, and each other spelling met is remembered by its bytes,
/// so that a name is normalised once per spelling, not per row. A name met under two spellings
/// (`Café` composed and decomposed) is one name, and is reported once (`collapsed`).
struct NameTable {
    /// A name met under another spelling than the first one it was met under.
    struct Collapse: Equatable {
        var id: Int
        var firstLine: Int
        var line: Int
    }

    private var interner = ByteInterner()
    /// The names by id.
    private(set) var names: [String] = []
    /// The line each name was first met on (0 for a name the program supplies).
    private var firstLines: [Int32] = []
    /// Spellings other than a name's NFC bytes, and the name each spells.
    private var spellings = ByteInterner()
    private var spellingNames: [Int] = []
    /// Per name, the spelling it was first met under: -1 for its NFC bytes, else a `spellings` id.
    private var firstSpellings: [Int32] = []
    /// Each name met under a second spelling, once.
    private(set) var collapsed: [Collapse] = []
    private var collapsedIDs = Set<Int>()

    /// Whether some name was met under another spelling than its NFC bytes.
    var hasOtherSpellings: Bool { spellings.count > 0 }

    /// The id of the name in `field` within `scope` (a seat's workspace), met on `line`,
    /// adding it when new; a failure when the field is not a name (empty, not UTF-8).
    mutating func id(of field: UnsafeBufferPointer<UInt8>, scope: Int = 0, line: Int = 0) -> Result<Int, FieldProblem> {
        if let id = interner.id(of: field, scope: scope) {
            if hasOtherSpellings { met(id, spelling: -1, line: line) }
            return .success(id)
        }
        if hasOtherSpellings, let spelling = spellings.id(of: field, scope: scope) {
            met(spellingNames[spelling], spelling: Int32(spelling), line: line)
            return .success(spellingNames[spelling])
        }
        let name: String
        switch field.nameText {
        case let .failure(problem): return .failure(problem)
        case let .success(text) where field.allSatisfy({ $0 < 0x80 }):
            // Plain ASCII is NFC as it is.
            return .success(add(text, bytes: field, scope: scope, line: line, spelling: -1))
        case let .success(text): name = text.canonicalName
        }
        let canonical = Array(name.utf8)
        if canonical.elementsEqual(field) { return .success(add(name, bytes: field, scope: scope, line: line, spelling: -1)) }
        let spelling = spellings.insert(field, scope: scope)
        let existing = canonical.withUnsafeBufferPointer { interner.id(of: $0, scope: scope) }
        let id =
            existing ?? canonical.withUnsafeBufferPointer { add(name, bytes: $0, scope: scope, line: line, spelling: Int32(spelling)) }
        spellingNames.append(id)
        if existing != nil { met(id, spelling: Int32(spelling), line: line) }
        return .success(id)
    }

    private mutating func add(_ name: String, bytes: UnsafeBufferPointer<UInt8>, scope: Int, line: Int, spelling: Int32) -> Int {
        names.append(name)
        firstLines.append(Int32(clamping: line))
        firstSpellings.append(spelling)
        return interner.insert(bytes, scope: scope)
    }

    /// Notes that name `id` was met under `spelling` on `line`.
    private mutating func met(_ id: Int, spelling: Int32, line: Int) {
        guard firstSpellings[id] != spelling, !collapsedIDs.contains(id) else { return }
        collapsedIDs.insert(id)
        collapsed.append(Collapse(id: id, firstLine: Int(firstLines[id]), line: line))
    }

    /// The id in this table of each name of `other`, by `other`'s id, adding the names it lacks
    /// in `other`'s order; `scope` renumbers `other`'s scopes (a seat's workspace) into this
    /// table's. Merging the tables of consecutive parts of a file, the earlier part's first,
    /// keeps the ids in order of first appearance in the whole file. Only for tables without
    /// other spellings: a file with any is read in one go, so that each is reported as met.
    mutating func merge(_ other: NameTable, scope: (Int) -> Int = { $0 }) -> [Int] {
        precondition(!hasOtherSpellings && !other.hasOtherSpellings, "names with other spellings are read in one go")
        return (0..<other.interner.count).map { otherID in
            let scope = scope(other.interner.scope(of: otherID))
            return other.interner.withBytes(of: otherID) { bytes in
                if let id = interner.id(of: bytes, scope: scope) { return id }
                return add(other.names[otherID], bytes: bytes, scope: scope, line: Int(other.firstLines[otherID]), spelling: -1)
            }
        }
    }

    /// The id of `name`, a non-empty name the program supplies, adding it when new.
    mutating func id(of name: String) -> Int {
        let bytes = Array(name.utf8)
        let result = bytes.withUnsafeBufferPointer { id(of: $0) }
        guard case let .success(id) = result else { preconditionFailure("\(name) is not a name") }
        return id
    }
}
