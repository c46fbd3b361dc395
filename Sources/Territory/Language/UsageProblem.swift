/// Usage errors the commands find themselves (a flag missing, a flag that
/// needs another), as the catalogue keys them. The argument parser's own
/// messages ("Missing expected argument", "Unknown option") stay English:
/// they are not ours to translate.
public enum UsageProblem: Sendable, Hashable {
    /// An input given neither by its flag nor by the study file (`study`
    /// is the study's path when one was given).
    case giveFileOrStudyKey(flag: String, key: String, study: String?)
    /// The study names several chains and the command takes one.
    case studyNamesSeveralChains(study: String, chains: [String], command: String)
    /// `--report` of a command that writes Markdown only.
    case reportIsMarkdown(report: String)
    case nameAChain
    /// `flag` cannot work without `other` (`--method network` needs `--roads`).
    case needs(flag: String, other: String)
    /// A number flag out of its range: "--top must be 1 or more, not 0".
    case atLeast(flag: String, minimum: String, given: String?)
    /// `render -o` with an extension no map format has.
    case mapFormat(output: String)
}
