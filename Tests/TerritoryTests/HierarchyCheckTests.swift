import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct HierarchyCheckTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-hierarchy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func cell(_ code: String, parent: String?, _ x: Double, _ y: Double, size: Double = 0.01, parentName: String? = nil) -> Feature {
        var properties: JSONObject = ["code": .string(code), "name": .string("Unit \(code)")]
        if let parent { properties["parent"] = .string(parent) }
        if let parentName { properties["parent_name"] = .string(parentName) }
        return Feature(geometry: Envelope(minX: x, minY: y, maxX: x + size, maxY: y + size).shape, properties: properties)
    }

    @Test func theSampleHasOnlyItsBowTie() throws {
        let spec = try HierarchySpec.read(path: Self.repository.appendingPathComponent("geodata/sample_hierarchy.json").path)
        let problems = try HierarchyCheck().check(spec).problems
        #expect(problems.map(\.kind) == [.invalidGeometry])
        #expect(problems.first?.unit == "SM0105")
    }

    @Test func everyKindOfProblemNamesBothUnits() throws {
        let folder = try Self.folder()
        // Two provinces side by side, 0.02° wide.
        try Layer(features: [
            cell("P1", parent: nil, 0, 0, size: 0.02), cell("P2", parent: nil, 0.02, 0, size: 0.02),
        ]).writeGeoJSON(path: folder.appendingPathComponent("provinces.geojson").path)
        try Layer(features: [
            cell("A", parent: "P1", 0, 0),                                   // fine
            cell("B", parent: "P1", 0.01, 0, parentName: "Unit P1"),         // fine, name agrees
            cell("C", parent: "P1", 0.025, 0.005),                           // lies in P2
            cell("D", parent: "P9", 0.02, 0),                                // no such parent
            cell("A", parent: "P2", 0.03, 0.01, parentName: "Somewhere"),    // code twice, wrong name
            cell("E", parent: "P1", 0.0, 0.005),                             // overlaps A and the row above
        ]).writeGeoJSON(path: folder.appendingPathComponent("districts.geojson").path)
        let specPath = folder.appendingPathComponent("spec.json").path
        try #"""
            {"levels": [{"name": "province", "file": "provinces.geojson", "id": "code", "nameField": "name"},
                        {"name": "district", "file": "districts.geojson", "id": "code", "parent": "parent", "parentNameField": "parent_name"}]}
            """#.write(toFile: specPath, atomically: true, encoding: .utf8)
        let problems = try HierarchyCheck().check(try HierarchySpec.read(path: specPath)).problems
        let summary = problems.map { "\($0.kind.rawValue) \($0.unit) \($0.other ?? "-")" }
        #expect(summary.contains("duplicate-code A #0"))
        #expect(summary.contains("outside-parent C P1"))
        #expect(summary.contains("missing-parent D P9"))
        #expect(summary.contains("name-mismatch A P2"))
        #expect(summary.contains("overlap A E"))
        #expect(summary.contains("gap - P2"))  // P2's south-east and its lower half are in no district
        let overlap = try #require(problems.first { $0.kind == .overlap })
        // A and E share half a 0.01° cell near the equator: about 0.5 x 1,113 m x 1,106 m.
        #expect(abs(overlap.area! - 615_000) < 10_000)
    }

    /// Two provinces of two districts each; district X fills P2's
    /// north-east corner but names P1 as its parent.
    func misfiledHierarchy() throws -> HierarchySpec {
        let folder = try Self.folder()
        try Layer(features: [
            cell("P1", parent: nil, 0, 0, size: 0.02), cell("P2", parent: nil, 0.02, 0, size: 0.02),
        ]).writeGeoJSON(path: folder.appendingPathComponent("provinces.geojson").path)
        try Layer(features: [
            cell("A", parent: "P1", 0, 0, size: 0.02),
            cell("B", parent: "P2", 0.02, 0), cell("C", parent: "P2", 0.03, 0), cell("D", parent: "P2", 0.02, 0.01),
            cell("X", parent: "P1", 0.03, 0.01),
        ]).writeGeoJSON(path: folder.appendingPathComponent("districts.geojson").path)
        let specPath = folder.appendingPathComponent("spec.json").path
        try #"""
            {"levels": [{"name": "province", "file": "provinces.geojson", "id": "code", "nameField": "name"},
                        {"name": "district", "file": "districts.geojson", "id": "code", "nameField": "name", "parent": "parent"}]}
            """#.write(toFile: specPath, atomically: true, encoding: .utf8)
        return try HierarchySpec.read(path: specPath)
    }

    @Test func aGapCoveredByAUnitOfAnotherParentSaysWhich() throws {
        let problems = try HierarchyCheck().check(try misfiledHierarchy()).problems
        let gap = try #require(problems.first { $0.kind == .gap })
        #expect(gap.other == "P2")
        #expect(gap.message.hasPrefix("a gap of "))
        #expect(gap.message.hasSuffix(" m² inside province P2 (Unit P2) belongs to no district of P2; covered by district X (Unit X) of province P1 (Unit P1)"),
                "\(gap.message)")
    }

    @Test func messagesNameUnitsByCodeAndName() throws {
        let problems = try HierarchyCheck().check(try misfiledHierarchy()).problems
        let outside = try #require(problems.first { $0.kind == .outsideParent })
        #expect(outside.message == "district X (Unit X) lies outside its parent P1 (Unit P1): its representative point is in P2 (Unit P2)")
        #expect(!problems.contains { $0.message.contains("#") }, "\(problems.map(\.message))")
    }

    @Test func aSpecWithoutParentFieldsIsRefused() throws {
        let folder = try Self.folder()
        let specPath = folder.appendingPathComponent("spec.json").path
        try #"{"levels": [{"name": "a", "file": "a.geojson"}, {"name": "b", "file": "b.geojson"}]}"#
            .write(toFile: specPath, atomically: true, encoding: .utf8)
        #expect {
            try HierarchySpec.read(path: specPath)
        } throws: { error in
            "\(error)" == "\(specPath): level 1 (b) has no \"parent\" field naming its parent's code"
        }
    }
}

@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: real-data hierarchy skipped"))
struct RealHierarchyTests {
    static func spec(_ json: String) throws -> HierarchySpec {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString).json").path
        try json.replacingOccurrences(of: "GEODATA", with: SharedGeodata.folder.path).write(toFile: path, atomically: true, encoding: .utf8)
        return try HierarchySpec.read(path: path)
    }

    @Test func boliviaNestsWithZeroProblems() throws {
        let spec = try Self.spec("""
            {"levels": [
              {"name": "department", "file": "GEODATA/bolivia/bo_provincias_derivadas_adm2.geojson", "dissolve": true, "id": "ADM1_PCODE", "nameField": "ADM1_ES"},
              {"name": "province", "file": "GEODATA/bolivia/bo_provincias_derivadas_adm2.geojson", "id": "ADM2_PCODE", "parent": "ADM1_PCODE", "nameField": "ADM2_ES", "parentNameField": "ADM1_ES"},
              {"name": "municipality", "file": "GEODATA/bolivia/bo_municipios_geoboundaries_adm3_con_pcodes.geojson", "id": "ADM3_PCODE", "parent": "ADM2_PCODE", "nameField": "ADM3_ES", "parentNameField": "ADM2_ES"}
            ]}
            """)
        let problems = try HierarchyCheck().check(spec).problems
        #expect(problems.isEmpty, "\(problems.prefix(5).map(\.message))")
    }

    @Test func venezuelanParishesAgainstMunicipalitiesShowTheRealMismatches() throws {
        let spec = try Self.spec("""
            {"levels": [
              {"name": "municipality", "file": "GEODATA/venezuela/ve_municipios_wof.geojson", "id": "name", "nameField": "name"},
              {"name": "parish", "file": "GEODATA/venezuela/ve_parroquias_farojson.geojson", "id": "PARROQUIA", "parent": "MUNICIPIO"}
            ]}
            """)
        var check = HierarchyCheck()
        check.minimumArea = 1_000_000
        let problems = try check.check(spec).problems
        let kinds = Set(problems.map(\.kind))
        // Fraternidad's self-intersection; parishes split into several
        // features (Faría in 7 pieces) and municipality names used in several
        // states give repeated codes; parishes outside the WOF municipalities.
        #expect(problems.contains { $0.kind == .invalidGeometry && $0.unit == "Fraternidad" })
        #expect(problems.filter { $0.kind == .duplicateCode && $0.unit == "Faría" && $0.level == "parish" }.count == 6)
        #expect(kinds.isSuperset(of: [.duplicateCode, .missingParent, .outsideParent]))
    }
}
