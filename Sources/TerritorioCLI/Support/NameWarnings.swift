import Territory

/// Names asked for and not found: the reports fall back to codes, and the
/// command says how many and which (the first ten), in the report's language.
enum NameWarnings {
    static func warn(circuits names: CircuitNames?, file: String, language: Language) {
        guard let names, !names.unnamed.isEmpty else { return }
        Diagnostics.warn(language.text(.unnamedCircuits(file: file, count: names.unnamed.count, of: names.names.count + names.unnamed.count,
                                                        column: names.column, first: list(names.unnamed))))
    }

    static func warn(territories: StudyTerritories, language: Language) {
        guard let field = territories.nameField else { return }
        let unnamed = territories.names.indices.filter { territories.names[$0]?.isEmpty ?? true }.map { territories.codes[$0] }
        guard !unnamed.isEmpty else { return }
        Diagnostics.warn(language.text(.unnamedTerritories(file: territories.file, count: unnamed.count, of: territories.count,
                                                           field: field, first: list(unnamed))))
    }

    private static func list(_ codes: [String]) -> String {
        codes.prefix(10).joined(separator: ", ") + (codes.count > 10 ? ", ..." : "")
    }
}
