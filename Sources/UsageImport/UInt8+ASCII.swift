/// The ASCII bytes and classes that CSV fields, numbers and months are read by.
extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let comma = UInt8(ascii: ",")
    static let point = UInt8(ascii: ".")
    static let semicolon = UInt8(ascii: ";")
    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")

    /// The byte lower-cased if it is an ASCII capital.
    var asciiLowercased: UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) ? self | 0x20 : self
    }

    /// Whether the byte is a space or a tab, the padding spreadsheets leave around values.
    var isSpaceOrTab: Bool { self == .space || self == .tab }

    /// Whether the byte is an ASCII digit.
    var isDigit: Bool { self &- UInt8(ascii: "0") < 10 }

    /// Whether the byte is a lower-case ASCII letter.
    var isLowercaseLetter: Bool { self &- UInt8(ascii: "a") < 26 }
}
