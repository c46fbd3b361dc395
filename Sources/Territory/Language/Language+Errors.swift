import Geo

extension Language {
    /// A read error in this language: where it is (file, line, feature),
    /// then what is wrong, from the catalogue when the error's kind is one
    /// it keys (`ReadError.Reason`), else the error's own English message.
    public func describe(_ error: ReadError) -> String {
        let place = text(.location(file: error.file, line: error.line, column: error.column,
                                   feature: error.featureIndex, id: error.featureID.map { "\($0)" }))
        return place + ": " + (error.reason.map { text(.readProblem($0)) } ?? error.message)
    }

    public func describe(_ error: CRSError) -> String { text(.crsProblem(error)) }
}
