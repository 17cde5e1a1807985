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

    /// The id of `name`, a non-empty name the program supplies, adding it when new.
    mutating func id(of name: String) -> Int {
        let bytes = Array(name.utf8)
        let result = bytes.withUnsafeBufferPointer { id(of: $0) }
        guard case let .success(id) = result else { preconditionFailure("\(name) is not a name") }
        return id
    }
}
