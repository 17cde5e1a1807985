import Foundation

extension String {
    /// The name as every part of creditcast compares and shows it (workspaces, seats, plans,
    /// scenario targets): Unicode NFC, so that `Café` typed with a precomposed `é` and exported
    /// with `e` and a combining accent are one name, and otherwise as written (case counts,
    /// except for plans, which are looked up ignoring case). Plain ASCII is already NFC.
    package var canonicalName: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
