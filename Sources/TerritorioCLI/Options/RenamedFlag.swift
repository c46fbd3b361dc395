import ArgumentParser

/// A flag renamed for one vocabulary across commands (`FlagVocabulary`):
/// the old name stays, hidden from help, for one release. The argument
/// parser cannot hide one name of several, so the old name is a second,
/// hidden option; the command's `validate()` folds it into the new one here.
enum RenamedFlag {
    /// The value of the renamed flag: the new name's, or the old name's,
    /// with a note on standard error that the old name is deprecated. Both
    /// given (with different values) is a usage error: neither should
    /// silently win. Validating again after the fold changes nothing.
    static func fold<T: Equatable>(_ old: T?, _ oldName: String, into value: T?, _ name: String) throws -> T? {
        guard let old else { return value }
        if let value {
            guard value == old else {
                throw ValidationError("\(oldName) is the old name of \(name); give one of them, not both")
            }
            return value
        }
        deprecated(oldName, name)
        return old
    }

    static func deprecated(_ oldName: String, _ name: String) {
        Diagnostics.warn("\(oldName) is deprecated and will be removed in the next release: write \(name)")
    }

    /// The help of a hidden old name.
    static func help(_ name: String) -> ArgumentHelp {
        ArgumentHelp("Old name of \(name).", visibility: .hidden)
    }
}
