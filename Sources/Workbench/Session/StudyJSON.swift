import Geo
import Territory

/// `GET /api/study`: what the page draws and offers, made once: the
/// territories in WGS 84 (GeoJSON, each with its code as id, its name and
/// population), the circuits with their names, and the chains (product,
/// unit, each stage with the products and units of its links).
enum StudyJSON {
    static func make(_ study: Study, names: [String: String]) throws -> JSONValue {
        let territories = study.territories
        let wgs84 = try territories.projected.projected(to: .wgs84)
        var features: [String] = []
        for (index, feature) in wgs84.features.enumerated() {
            let properties: JSONObject = ["code": .string(territories.codes[index]),
                                          "name": territories.names[index].map(JSONValue.string) ?? .null,
                                          "population": .number(territories.populations[index].rounded())]
            let geometry = feature.geometry.map { $0.geoJSON(precision: 5) } ?? "null"
            features.append("{\"type\":\"Feature\",\"id\":\(JSONValue.string(territories.codes[index]).jsonText),\"properties\":\(JSONValue.object(properties).jsonText),\"geometry\":\(geometry)}")
        }
        let geojson = "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}"
        let collection = try JSONValue(parsingJSON: geojson, name: "territories")
        let circuits = study.grouping?.circuits ?? []
        return .object([
            "territories": collection,
            "circuits": .array(circuits.map { .object(["circuit_id": .string($0), "name": names[$0].map(JSONValue.string) ?? .null]) }),
            "products": .array(study.chains.map { chain in
                .object(["product": .string(chain.product), "unit": .string(chain.unit.rawValue),
                         "demand_per_person_month": .number(chain.demandPerPersonMonth),
                         "stages": .array(chain.stages.map { stage in
                             .object(["stage": .string(stage.rawValue), "skippable": .bool(chain.skippable.contains(stage)),
                                      "links": .array(chain.links(at: stage).map { link in
                                          .object(["product": .string(link.product), "unit": .string(link.unit.rawValue)])
                                      })])
                         })])
            }),
            "sites": .number(study.sites?.count ?? 0),
        ])
    }
}
