import ArgumentParser
import Geo
import Territory

/// `--population-field` and what to do when a territory has no usable
/// population there (`--missing-population`): an error by default.
struct PopulationOptions: ParsableArguments {
    // Optional so a --study file can give them when the flag is absent.
    @Option(name: .customLong("population-field"), help: ArgumentHelp("Property of the territories holding the population (default: population).", valueName: "name"))
    var givenField: String?

    @Option(name: .customLong("missing-population"), help: ArgumentHelp("Territories whose population is null, missing or text: error (the default) names them; zero counts them as 0 people; skip leaves them out. Either is counted in the tallies.", valueName: "error|zero|skip"))
    var givenMissing: MissingValuePolicy?

    var field: String { givenField ?? "population" }
    var missing: MissingValuePolicy { givenMissing ?? .error }

    /// The territories with every population a number, or an error.
    func check(_ layer: Layer, file: String) throws -> CheckedValues {
        try MissingValues.check(layer, fields: [field], file: file, policy: missing, flag: "--missing-population",
                                fieldFlag: "--population-field", what: "population")
    }
}

/// `--missing-values`: the same choice for the fields a command adds up
/// (`dissolve --sum`, `interpolate --field/--intensive`).
struct MissingValuesOptions: ParsableArguments {
    @Option(name: .customLong("missing-values"), help: ArgumentHelp("Features whose summed or interpolated field is null, missing or text: error (the default) names them; zero counts them as 0; skip leaves the feature out. Either is counted in the tallies.", valueName: "error|zero|skip"))
    var missing: MissingValuePolicy = .error

    func check(_ layer: Layer, fields: [String], file: String, fieldFlag: String) throws -> CheckedValues {
        try MissingValues.check(layer, fields: fields, file: file, policy: missing, flag: "--missing-values",
                                fieldFlag: fieldFlag, what: "values", negativeAllowed: true)
    }
}
