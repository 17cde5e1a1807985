/// The distinct names of one kind (workspaces, seats, plans) with dense ids, making a `String`
/// only the first time a name is met.
struct NameTable {
    private var interner = ByteInterner()
    /// The names by id.
    private(set) var names: [String] = []

    /// The id of the name in `field` within `scope` (a seat's workspace), adding it when new;
    /// a failure when the field is not a name (empty, not UTF-8).
    mutating func id(of field: UnsafeBufferPointer<UInt8>, scope: Int = 0) -> Result<Int, FieldProblem> {
        if let id = interner.id(of: field, scope: scope) { return .success(id) }
        switch field.nameText {
        case let .failure(problem): return .failure(problem)
        case let .success(name):
            names.append(name)
            return .success(interner.insert(field, scope: scope))
        }
    }

    /// The id in this table of each name of `other`, by `other`'s id, adding the names it lacks
    /// in `other`'s order; `scope` renumbers `other`'s scopes (a seat's workspace) into this
    /// table's. Merging the tables of consecutive parts of a file, the earlier part's first,
    /// keeps the ids in order of first appearance in the whole file.
    mutating func merge(_ other: NameTable, scope: (Int) -> Int = { $0 }) -> [Int] {
        (0..<other.interner.count).map { otherID in
            let scope = scope(other.interner.scope(of: otherID))
            return other.interner.withBytes(of: otherID) { bytes in
                if let id = interner.id(of: bytes, scope: scope) { return id }
                names.append(other.names[otherID])
                return interner.insert(bytes, scope: scope)
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
