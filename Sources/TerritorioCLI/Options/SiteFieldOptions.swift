import ArgumentParser
import Geo
import Territory

/// Which properties hold each site's product, stage, capacity, unit,
/// owner and name.
struct SiteFieldOptions: ParsableArguments {
    @Option(name: .customLong("product-field"), help: ArgumentHelp("Sites: property holding the product (default: product).", valueName: "name"))
    var product: String?

    @Option(name: .customLong("stage-field"), help: ArgumentHelp("Sites: property holding the stage (primary, processing, collection, distribution, retail, in English or Spanish, or a stage the chain spec names; default: stage).", valueName: "name"))
    var stage: String?

    @Option(name: .customLong("capacity-field"), help: ArgumentHelp("Sites: property holding the capacity (default: capacity).", valueName: "name"))
    var capacity: String?

    @Option(name: .customLong("unit-field"), help: ArgumentHelp("Sites: property holding the capacity's unit (t/month, l/month, pieces/month, t/mes..., or a unit the chain spec declares; default: unit).", valueName: "name"))
    var unit: String?

    @Option(name: .customLong("owner-field"), help: ArgumentHelp("Sites: property holding the owner (circuit or outside; circuit when the default field owner is absent).", valueName: "name"))
    var owner: String?

    var fields: SiteFields {
        var fields = SiteFields()
        fields.product = product ?? fields.product
        fields.stage = stage ?? fields.stage
        fields.capacity = capacity ?? fields.capacity
        fields.unit = unit ?? fields.unit
        fields.owner = owner ?? fields.owner
        return fields
    }

    /// The field names, with the stages and units of `chains` as well as
    /// the standard ones.
    func fields(for chains: [ChainSpec]) -> SiteFields {
        var fields = self.fields
        fields.vocabulary = SiteVocabulary(chains: chains)
        return fields
    }

    /// Every field the command reads must be in the sites: product, stage,
    /// capacity and unit when `needed` (a command that parses sites), and
    /// any field named by a flag. The owner may be absent unless named.
    func check(_ layer: Layer, file: String, needed: Bool = true) throws {
        let fields = self.fields
        let flags: [(String?, String, String)] = [
            (product, fields.product, "--product-field"), (stage, fields.stage, "--stage-field"),
            (capacity, fields.capacity, "--capacity-field"), (unit, fields.unit, "--unit-field"),
            (owner, fields.owner, "--owner-field"),
        ]
        for (given, name, flag) in flags where given != nil || (needed && flag != "--owner-field") {
            try FieldCheck.require(name, in: layer, file: file, flag: given == nil ? "\(flag) (default \(name))" : flag)
        }
    }
}
