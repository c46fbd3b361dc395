import Geo

extension GroupRanking.Result {
    /// One feature per group: the union of its members' polygons
    /// (`Dissolve`: coverage union, checked, else unary union), with
    /// `group`, `members`, `agreeing`, and `top_1`, `top_1_mean_score`,
    /// `top_2`, ... (null where the group shares fewer products). `code`
    /// gives a feature's territory code; features of no group are left
    /// out. Groups none of whose members is in `territories` come back
    /// in `missing`.
    public func layer(territories: Layer, groups: TerritoryGroups, code: (Feature, Int) -> String?) throws
        -> (layer: Layer, missing: [String]) {
        var members: [Feature] = []
        for (index, feature) in territories.features.enumerated() {
            guard let key = code(feature, index), let group = groups.groupOf[key] else { continue }
            members.append(Feature(id: feature.id, geometry: feature.geometry, properties: ["group": .string(group)]))
        }
        let dissolved = try Dissolve(options: Dissolve.Options(by: "group")).dissolve(Layer(features: members, crs: territories.crs))
        let byName = Dictionary(self.groups.map { ($0.group, $0) }, uniquingKeysWith: { first, _ in first })
        var features: [Feature] = []
        var found = Set<String>()
        for feature in dissolved.layer.features {
            guard let name = feature.properties["group"]?.stringValue else { continue }
            found.insert(name)
            var properties: JSONObject = ["group": .string(name)]
            let group = byName[name]
            properties["members"] = .number(group?.members.count ?? 0)
            properties["agreeing"] = .number(group?.members.filter(\.agrees).count ?? 0)
            for place in 0..<top {
                let product = group.flatMap { place < $0.top.count ? $0.top[place] : nil }
                properties["top_\(place + 1)"] = product.map { .string($0.product) } ?? .null
                properties["top_\(place + 1)_mean_score"] = product.map { .number(ProductRanking.Result.rounded($0.meanScore)) } ?? .null
            }
            features.append(Feature(id: feature.id, geometry: feature.geometry, properties: properties))
        }
        return (Layer(features: features, crs: territories.crs), self.groups.map(\.group).filter { !found.contains($0) })
    }
}
