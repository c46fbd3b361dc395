// Generates the sample territory in geodata/territory/: one fictional
// state of 150 parishes in 15 municipalities, about 2,000 sites of four
// chains along a noded road network, chain specs and two groupings of
// parishes into circuits. What the sites are meant to show is in
// Story.swift. Seeded: the same files every run.
//
//   swift run sample-territory [OUTPUT_FOLDER]   (default geodata/territory)
import Foundation
import Geo
import Territory

let folder = CommandLine.arguments.dropFirst().first ?? "geodata/territory"
let metric = CRS("EPSG:32619")
var random = SeededRandom(seed: 20_231_117)

func write(_ features: [Feature], _ name: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let layer = try Layer(features: features, crs: metric).projected(to: .wgs84)
    try layer.writeGeoJSON(path: "\(folder)/\(name)", options: GeoJSONWriter.Options(precision: 6))
    print("\(folder)/\(name): \(features.count) features")
}

func writeText(_ text: String, _ name: String) throws {
    let path = "\(folder)/\(name)"
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let output = try OutputFile(path: path)
    try output.write(text)
    try output.commit()
    print(path)
}

let boundaries = try Boundaries(random: &random)
let parishFeatures = boundaries.parishes.map { parish in
    Feature(id: .string(parish.code), geometry: parish.cell, properties: [
        "code": .string(parish.code),
        "name": .string(parish.name),
        "municipality_code": .string(String(parish.code.prefix(4))),
        "state_code": "EM",
        "population": .number(parish.population),
        "urban": .bool(parish.urban),
    ])
}
try write(parishFeatures, "parishes.geojson")

var municipalities = try Dissolve(options: .init(by: "municipality_code", sum: ["population"], first: ["state_code"]))
    .dissolve(Layer(features: parishFeatures, crs: metric)).layer
for index in municipalities.features.indices {
    municipalities.features[index].properties["name"] = .string(Names.municipality(index))
    // The story municipalities (Story.swift) by the names the README tells their story with.
    if let code = municipalities.features[index].properties["municipality_code"]?.stringValue,
       let name = Story.names[code] {
        municipalities.features[index].properties["name"] = .string(name)
    }
}
try write(municipalities.features, "municipalities.geojson")

let roads = try Roads.make(boundaries)
try write(try Sites.make(boundaries, roads: roads, random: &random), "sites.geojson")
try write(roads, "roads.geojson")
for chain in Chains.files { try writeText(chain.json + "\n", "chains/\(chain.name)") }

// Grouping A: a circuit per municipality. Grouping B: 18 circuits around
// seeds spread across the state (farthest-point), each parish to the nearest.
var byMunicipality = "territory_code,circuit_id\n"
for parish in boundaries.parishes { byMunicipality += "\(parish.code),C-\(parish.code.prefix(4))\n" }
try writeText(byMunicipality, "groupings/circuits_by_municipality.csv")
var seeds = [boundaries.parishes.indices.max { $0 < $1 }!]
while seeds.count < 18 {
    seeds.append(boundaries.parishes.indices.max { a, b in
        Boundaries.distanceToNearest(boundaries.parishes[a].seed, seeds.map { boundaries.parishes[$0].seed })
            < Boundaries.distanceToNearest(boundaries.parishes[b].seed, seeds.map { boundaries.parishes[$0].seed })
    }!)
}
var alternative = "territory_code,circuit_id\n"
for parish in boundaries.parishes {
    let nearest = seeds.indices.min { a, b in
        Boundaries.distance(parish.seed, boundaries.parishes[seeds[a]].seed) < Boundaries.distance(parish.seed, boundaries.parishes[seeds[b]].seed)
    }!
    alternative += "\(parish.code),\(String(format: "C%02d", nearest + 1))\n"
}
try writeText(alternative, "groupings/circuits_alternative.csv")

try writeText("""
    {"levels": [
      {"name": "state", "file": "municipalities.geojson", "dissolve": true, "id": "state_code"},
      {"name": "municipality", "file": "municipalities.geojson", "id": "municipality_code", "nameField": "name", "parent": "state_code", "population": "population"},
      {"name": "parish", "file": "parishes.geojson", "id": "code", "nameField": "name", "parent": "municipality_code", "population": "population"}
    ]}

    """, "hierarchy.json")
