import Foundation
import Geo
import GeoFormats
import Territory

/// What a command took in, gave out and set aside, so that nothing is lost
/// unseen: in = out + rejected, each rejection counted under its reason.
/// Reported as one line on standard error and as `counts` in --json
/// reports; tests read the tallies of the running task through `recorder`.
struct FeatureCounts: Sendable, Equatable {
    /// The input counted, usually a file.
    let subject: String
    /// What is counted: features, points, rows, territories.
    let unit: String
    var input: Int
    var output: Int
    /// Reasons in the order first seen.
    private(set) var rejections: [Rejection] = []
    /// Features kept but changed by a stated default (a missing population
    /// taken as 0), or written but not as they should be ("1 invalid passed
    /// through"): said after the tally, counted, not rejected.
    private(set) var notes: [Rejection] = []

    struct Rejection: Sendable, Equatable {
        let reason: String
        var count: Int
    }

    init(_ subject: String, unit: String = "features", input: Int, output: Int = 0) {
        self.subject = subject
        self.unit = unit
        self.input = input
        self.output = output
    }

    var rejected: Int { rejections.reduce(0) { $0 + $1.count } }

    mutating func reject(_ count: Int, _ reason: String) {
        Self.add(count, reason, to: &rejections)
    }

    mutating func note(_ count: Int, _ reason: String) {
        Self.add(count, reason, to: &notes)
    }

    /// Counts under a reason already listed add up; a new reason goes last.
    private static func add(_ count: Int, _ reason: String, to list: inout [Rejection]) {
        guard count > 0 else { return }
        if let index = list.firstIndex(where: { $0.reason == reason }) {
            list[index].count += count
        } else {
            list.append(Rejection(reason: reason, count: count))
        }
    }

    var line: String { line(in: .en) }

    /// The line in a language (`--lang` of the commands that have it); the
    /// JSON keeps the English reasons.
    func line(in language: Language) -> String {
        func word(_ text: String) -> String { language.text(.tallyWord(text)) }
        var text = language.text(.tally(subject: subject, input: input, unit: word(unit), output: output, rejected: rejected))
        if !rejections.isEmpty { text += " (" + rejections.map { "\($0.count) \(word($0.reason))" }.joined(separator: ", ") + ")" }
        if input != output + rejected { text += language.text(.tallyUnaccounted(input - output - rejected)) }
        for note in notes { text += "; \(note.count) \(word(note.reason))" }
        return text
    }

    var json: JSONValue {
        var reasons = JSONObject()
        for rejection in rejections { reasons[rejection.reason] = .number(rejection.count) }
        var object = JSONObject()
        object["subject"] = .string(subject)
        object["unit"] = .string(unit)
        object["in"] = .number(input)
        object["out"] = .number(output)
        object["rejected"] = .number(rejected)
        object["reasons"] = .object(reasons)
        if !notes.isEmpty {
            object["notes"] = .object(JSONObject(notes.map { JSONObject.Member(key: $0.reason, value: .number($0.count)) }))
        }
        return .object(object)
    }

    /// `report` with a `counts` member (one tally, or an array of several)
    /// added, when it is an object.
    static func adding(_ counts: [FeatureCounts], to report: JSONValue) -> JSONValue {
        guard case .object(var object) = report else { return report }
        object["counts"] = counts.count == 1 ? counts[0].json : .array(counts.map(\.json))
        return .object(object)
    }

    /// Writes the line on standard error and hands the tally to the recorder.
    func report(in language: Language = Diagnostics.language) {
        Diagnostics.write(line(in: language) + "\n")
        Self.recorder?.record(self)
    }

    /// Collects tallies for whoever runs a command and wants to check them.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [FeatureCounts] = []

        init() {}

        func record(_ counts: FeatureCounts) { lock.withLock { recorded.append(counts) } }
        var tallies: [FeatureCounts] { lock.withLock { recorded } }
    }

    @TaskLocal static var recorder: Recorder?
}

extension LayerSource.Contents {
    /// Features read plus CSV rows that could not be read, the latter rejected.
    func counts(of subject: String, unit: String = "features") -> FeatureCounts {
        var counts = FeatureCounts(subject, unit: unit, input: layer.count + rejected.count)
        counts.reject(rejected.count, "unreadable rows")
        return counts
    }
}
