import Geo

/// Adding, removing and changing sites: edits of the sites layer's
/// features, each checked as the sites file would be (the stage and unit
/// known, the unit the chain's).
extension ScenarioWork {
    func requireSites() throws -> StudySites {
        guard let sites = base.sites else { throw ScenarioRefusal("the study has no sites; name them in the study") }
        return sites
    }

    mutating func add(_ addition: SiteAddition) throws {
        let sites = try requireSites()
        guard !siteIDs.contains(addition.id) else {
            throw ScenarioRefusal("a site \(addition.id) is already in \(sites.file); give the new site an id of its own")
        }
        let fields = sites.fields
        var properties = JSONObject()
        if let idField = sites.idField { properties[idField] = .string(addition.id) }
        if let name = addition.name { properties[fields.name] = .string(name) }
        properties[fields.product] = .string(addition.product)
        properties[fields.stage] = .string(addition.stage.rawValue)
        properties[fields.capacity] = .number(JSONNumber(addition.capacity))
        properties[fields.unit] = .string(addition.unit.rawValue)
        properties[fields.owner] = .string(addition.owner.rawValue)
        let point = Feature(id: .string(addition.id), geometry: .point(Position(x: addition.longitude, y: addition.latitude)),
                            properties: properties)
        let placed = try Layer(features: [point], crs: .wgs84).projected(to: sites.layer.crs).features[0]
        try check(placed, id: addition.id)
        features.append(placed)
        siteIDs.append(addition.id)
        added.append(addition.id)
        sitesEdited = true
    }

    mutating func remove(_ id: String) throws {
        _ = try requireSites()
        let index = try siteIndex(id)
        features.remove(at: index)
        siteIDs.remove(at: index)
        added.removeAll { $0 == id }
        sitesEdited = true
    }

    mutating func change(_ id: String, capacity: Double?, owner: Owner?, stage: Stage?) throws {
        let sites = try requireSites()
        let index = try siteIndex(id)
        var feature = features[index]
        if let capacity { feature.properties[sites.fields.capacity] = .number(JSONNumber(capacity)) }
        if let owner { feature.properties[sites.fields.owner] = .string(owner.rawValue) }
        if let stage { feature.properties[sites.fields.stage] = .string(stage.rawValue) }
        try check(feature, id: id)
        features[index] = feature
        sitesEdited = true
    }

    /// The one site with `id`: none, or several (ids that are not unique), is an error.
    private func siteIndex(_ id: String) throws -> Int {
        let matches = siteIDs.indices.filter { siteIDs[$0] == id }
        guard let index = matches.first else { throw ScenarioRefusal.unknown("site", id, among: siteIDs) }
        guard matches.count == 1 else {
            throw ScenarioRefusal("\(matches.count) sites have the id \(id); give the sites an id field whose values are unique (--site-id-field, or sites.id_field in the study)")
        }
        return index
    }

    /// The site a feature describes must parse, be a link of a chain of
    /// the study, and count its capacity in that link's unit.
    private func check(_ feature: Feature, id: String) throws {
        let sites = try requireSites()
        var fields = sites.fields
        fields.vocabulary = SiteVocabulary(chains: chains)
        let site: Site
        do {
            site = try fields.site(of: feature, index: 0, file: sites.file)
        } catch {
            throw ScenarioRefusal("site \(id): \(error.message)")
        }
        let links = chains.flatMap { chain in chain.links(at: site.stage).filter { site.handles($0.product) }.map { (chain, $0) } }
        guard !links.isEmpty else {
            let products = chains.flatMap { $0.links(at: site.stage).map(\.product) }
            throw ScenarioRefusal("site \(id): no chain of the study has \(site.product) at \(site.stage.rawValue)\(products.isEmpty ? "" : "; the products at \(site.stage.rawValue) are \(products.joined(separator: ", "))")")
        }
        for (chain, link) in links where link.unit != site.unit {
            throw ScenarioRefusal("site \(id): \(link.product) at \(site.stage.rawValue) is counted in \(site.unit.rawValue), but the \(chain.product) chain counts it in \(link.unit.rawValue)")
        }
    }
}
