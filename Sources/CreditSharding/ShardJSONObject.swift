import CreditCore

/// One JSON object of a shard file, with typed look-ups that fail with the file and line.
struct ShardJSONObject {
    /// The object's members.
    let members: [String: ShardJSON]
    /// The shard file, for errors.
    let path: String
    /// The 1-based line, for errors.
    let line: Int

    /// The object on `line` of `path`, parsed from `bytes`.
    init(parsing bytes: [UInt8], path: String, line: Int) throws(MergeError) {
        guard let parsed = ShardJSON.parse(bytes) else { throw .unreadable(path: path, line: line, reason: "the line is not JSON") }
        guard case let .object(members) = parsed else {
            throw .unreadable(path: path, line: line, reason: "the line is not a JSON object")
        }
        self.init(members: members, path: path, line: line)
    }

    init(members: [String: ShardJSON], path: String, line: Int) {
        self.members = members
        self.path = path
        self.line = line
    }

    func failure(_ key: ShardKey, _ expected: String) -> MergeError {
        .unreadable(path: path, line: line, reason: "\"\(key.rawValue)\" is missing or not \(expected)")
    }

    func isNull(_ key: ShardKey) -> Bool {
        switch members[key.rawValue] {
        case nil, .null: true
        default: false
        }
    }

    /// A JSON number that is exactly a whole number in `Int`'s range (no fraction, no exponent).
    static func int(_ value: ShardJSON?) -> Int? {
        guard case let .number(text) = value else { return nil }
        return Int(text)
    }

    func int(_ key: ShardKey) throws(MergeError) -> Int {
        guard let value = Self.int(members[key.rawValue]) else { throw failure(key, "a whole number") }
        return value
    }

    func bool(_ key: ShardKey) throws(MergeError) -> Bool {
        guard case let .bool(value) = members[key.rawValue] else { throw failure(key, "true or false") }
        return value
    }

    func string(_ key: ShardKey) throws(MergeError) -> String {
        guard case let .string(value) = members[key.rawValue] else { throw failure(key, "text") }
        return value
    }

    func optionalString(_ key: ShardKey) throws(MergeError) -> String? {
        isNull(key) ? nil : try string(key)
    }

    /// A double written as its shortest round-trip decimal text.
    func double(_ key: ShardKey) throws(MergeError) -> Double {
        guard case let .string(text) = members[key.rawValue], let value = Double(text) else {
            throw failure(key, "a decimal in a string")
        }
        return value
    }

    /// A whole number inside `range`, which the message states.
    func int(_ key: ShardKey, in range: ClosedRange<Int>) throws(MergeError) -> Int {
        let value = try int(key)
        guard range.contains(value) else {
            throw outOfBounds(
                key, value, "a whole number from \(range.lowerBound.groupedThousands) to \(range.upperBound.groupedThousands)")
        }
        return value
    }

    /// A credit figure: a whole number within `ShardLimits.credits`, not negative unless `signed`.
    func credits(_ key: ShardKey, signed: Bool = false) throws(MergeError) -> Int {
        try int(key, in: (signed ? -ShardLimits.credits : 0)...ShardLimits.credits)
    }

    /// Whole cents from 0 to `ShardLimits.cents`.
    func cents(_ key: ShardKey) throws(MergeError) -> Money {
        Money(cents: try int(key, in: 0...ShardLimits.cents))
    }

    /// Whole cents as `cents(_:)` reads them, or `null` for an amount not known; never missing.
    func optionalCents(_ key: ShardKey) throws(MergeError) -> Money? {
        if case .null = members[key.rawValue] { return nil }
        return try cents(key)
    }

    /// A probability: a decimal from 0 to 1.
    func probability(_ key: ShardKey) throws(MergeError) -> Double {
        let value = try double(key)
        guard (0...1).contains(value) else { throw outOfBounds(key, members[key.rawValue], "a probability from 0 to 1") }
        return value
    }

    /// A mean of credits: a finite decimal within `ShardLimits.credits`, not negative unless
    /// `signed`.
    func mean(_ key: ShardKey, signed: Bool = false) throws(MergeError) -> Double {
        let value = try double(key)
        let bound = Double(ShardLimits.credits)
        guard value.isFinite, (signed ? -bound : 0) <= value, value <= bound else {
            let low = signed ? "-" + ShardLimits.credits.groupedThousands : "0"
            throw outOfBounds(key, members[key.rawValue], "a mean of credits from \(low) to \(ShardLimits.credits.groupedThousands)")
        }
        return value
    }

    /// A spread on the log scale (a standard deviation of log usage, or of a monthly log slope):
    /// a decimal from 0 to `ShardLimits.logSpread`.
    func logSpread(_ key: ShardKey) throws(MergeError) -> Double {
        let value = try double(key)
        guard (0...Double(ShardLimits.logSpread)).contains(value) else {
            throw outOfBounds(key, members[key.rawValue], "a spread on the log scale from 0 to \(ShardLimits.logSpread.groupedThousands)")
        }
        return value
    }

    /// A monthly slope on the log scale: a decimal within ±`ShardLimits.logSlope`.
    func logSlope(_ key: ShardKey) throws(MergeError) -> Double {
        let value = try double(key)
        let bound = ShardLimits.logSlope
        guard (-Double(bound)...Double(bound)).contains(value) else {
            throw outOfBounds(key, members[key.rawValue], "a monthly slope on the log scale from -\(bound) to \(bound)")
        }
        return value
    }

    /// A value found but out of its bounds: what it is and what it must be.
    func outOfBounds(_ key: ShardKey, _ value: ShardJSON?, _ expected: String) -> MergeError {
        let shown =
            switch value {
            case let .string(text): JSONValue.quoted(text)
            case let .number(text): String(text)
            case let .bool(flag): "\(flag)"
            case .null, nil: "missing"
            case .array, .object: "not a single value"
            }
        return .unreadable(path: path, line: line, reason: "\"\(key.rawValue)\" is \(shown), not \(expected)")
    }

    /// A whole number found but out of its bounds.
    func outOfBounds(_ key: ShardKey, _ value: Int, _ expected: String) -> MergeError {
        outOfBounds(key, .number(Substring(String(value))), expected)
    }

    func month(_ key: ShardKey) throws(MergeError) -> Month {
        guard case let .string(text) = members[key.rawValue], let month = Month(text) else { throw failure(key, "a month like 2026-04") }
        return month
    }

    func optionalMonth(_ key: ShardKey) throws(MergeError) -> Month? {
        isNull(key) ? nil : try month(key)
    }

    func object(_ key: ShardKey) throws(MergeError) -> ShardJSONObject {
        guard case let .object(value) = members[key.rawValue] else { throw failure(key, "an object") }
        return ShardJSONObject(members: value, path: path, line: line)
    }

    func objects(_ key: ShardKey) throws(MergeError) -> [ShardJSONObject] {
        guard case let .array(values) = members[key.rawValue] else { throw failure(key, "a list") }
        var objects: [ShardJSONObject] = []
        objects.reserveCapacity(values.count)
        for value in values {
            guard case let .object(object) = value else { throw failure(key, "a list of objects") }
            objects.append(ShardJSONObject(members: object, path: path, line: line))
        }
        return objects
    }

    func strings(_ key: ShardKey) throws(MergeError) -> [String] {
        guard case let .array(values) = members[key.rawValue] else { throw failure(key, "a list of text") }
        var strings: [String] = []
        for value in values {
            guard case let .string(text) = value else { throw failure(key, "a list of text") }
            strings.append(text)
        }
        return strings
    }

    func ints(_ key: ShardKey) throws(MergeError) -> [Int] {
        guard case let .array(values) = members[key.rawValue] else { throw failure(key, "a list of whole numbers") }
        var ints: [Int] = []
        ints.reserveCapacity(values.count)
        for value in values {
            guard let int = Self.int(value) else { throw failure(key, "a list of whole numbers") }
            ints.append(int)
        }
        return ints
    }
}
