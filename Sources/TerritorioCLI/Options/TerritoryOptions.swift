import ArgumentParser
import Geo
import GeoFormats
import Territory

/// The territories of a study: `--territories`, how each is coded and
/// named, and where its population is (with what to do when it is not).
/// Declared once, used by every command that analyses territories.
struct TerritoryOptions: ParsableArguments {
    /// `--study` is declared here, with the territories every command that
    /// takes it reads; the command applies it to all its options (`applyStudy`).
    @OptionGroup var studyOption: StudyOption

    @Option(name: .customLong("territories"), help: ArgumentHelp("Territory units with their population (polygons).", valueName: "file"))
    var givenTerritories: String?

    /// --territories, or the study's: set by the command's `validate()`.
    var territories: String { StudyOption.resolved(givenTerritories, flag: "--territories") }

    @Option(name: .customLong("id-field"), help: ArgumentHelp("Property of the territories holding their code (default: the feature id).", valueName: "name"))
    var idField: String?

    @Option(name: .customLong("name-field"), help: ArgumentHelp("Property of the territories holding their name, for reports.", valueName: "name"))
    var nameField: String?

    @OptionGroup var population: PopulationOptions

    /// The territories read and prepared; every field flag is checked
    /// against them first (a usage error listing the fields present).
    /// `counting: false` when no figure will count people.
    func prepare(counting people: Bool = true, metric: CRS? = nil) throws -> StudyTerritories {
        let layer = try Layers.read(territories)
        try FieldCheck.require(idField.map { [$0] } ?? [], in: layer, file: territories, flag: "--id-field")
        try FieldCheck.require(nameField.map { [$0] } ?? [], in: layer, file: territories, flag: "--name-field")
        if people { try FieldCheck.require([population.field], in: layer, file: territories, flag: "--population-field") }
        return try StudyTerritories(layer, file: territories, idField: idField, nameField: nameField,
                                    populationField: people ? population.field : nil, missingPopulation: population.missing,
                                    metric: metric)
    }

    /// The tally of the territories read: every one in; those the
    /// population policy left out rejected, those it zeroed noted.
    func counts(of prepared: StudyTerritories) -> FeatureCounts {
        prepared.populationCheck.counts(of: territories, unit: "territories", input: prepared.populationCheck.original.count)
    }
}

/// The sites of a study, read with the command's input options and field
/// names, checked, parsed and located in the territories.
extension SiteFieldOptions {
    /// The stages and units the sites may name are the standard ones and
    /// those of `chains`.
    func prepare(_ contents: LayerSource.Contents, file: String, idField: String? = nil, chains: [ChainSpec],
                 in territories: StudyTerritories) throws -> StudySites {
        try check(contents.layer, file: file)
        ExtentCheck.warnFarPoints(contents.layer, file: file, against: territories.layer, referenceFile: territories.file)
        return try StudySites(contents.layer, file: file, fields: fields(for: chains), idField: idField, in: territories)
    }
}
