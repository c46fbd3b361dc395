import ArgumentParser
import Geo
import Territory

extension MissingValuePolicy: ExpressibleByArgument {}

extension CheckedValues {
    /// Adds the zeroed features as a note and the skipped ones as rejected.
    func record(in counts: inout FeatureCounts) {
        counts.note(zeroed.count, "\(what) missing, taken as 0")
        counts.reject(skipped.count, "\(what) missing, left out")
    }

    /// A tally of the layer read: every feature in, those kept out.
    func counts(of file: String, unit: String, input: Int) -> FeatureCounts {
        var counts = FeatureCounts(file, unit: unit, input: input, output: input - skipped.count)
        record(in: &counts)
        return counts
    }
}

extension MissingValues {
    /// The presence of each field (a usage error naming the fields present)
    /// and then the value of each feature (see `MissingValues.check`).
    static func check(_ layer: Layer, fields: [String], file: String, policy: MissingValuePolicy, flag: String,
                      fieldFlag: String, what: String, negativeAllowed: Bool = false) throws -> CheckedValues {
        try FieldCheck.require(fields, in: layer, file: file, flag: fieldFlag)
        return try check(layer, fields: fields, file: file, policy: policy, flag: flag, what: what, negativeAllowed: negativeAllowed)
    }
}
