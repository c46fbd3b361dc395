import ArgumentParser
import Territory

/// Which properties hold each site's product, stage, capacity, unit,
/// owner and name.
struct SiteFieldOptions: ParsableArguments {
    @Option(name: .customLong("product-field"), help: ArgumentHelp("Sites: property holding the product.", valueName: "name"))
    var product = "product"

    @Option(name: .customLong("stage-field"), help: ArgumentHelp("Sites: property holding the stage (primary, processing, collection, distribution, retail).", valueName: "name"))
    var stage = "stage"

    @Option(name: .customLong("capacity-field"), help: ArgumentHelp("Sites: property holding the capacity.", valueName: "name"))
    var capacity = "capacity"

    @Option(name: .customLong("unit-field"), help: ArgumentHelp("Sites: property holding the capacity's unit (t/month, l/month, pieces/month).", valueName: "name"))
    var unit = "unit"

    @Option(name: .customLong("owner-field"), help: ArgumentHelp("Sites: property holding the owner (circuit or outside; circuit when missing).", valueName: "name"))
    var owner = "owner"

    var fields: SiteFields {
        var fields = SiteFields()
        fields.product = product
        fields.stage = stage
        fields.capacity = capacity
        fields.unit = unit
        fields.owner = owner
        return fields
    }
}
