import Testing
@testable import Geo

@Suite struct CSVPointReaderTests {
    private func read(_ text: String, _ options: CSVPointReader.Options = .init(), rejects: Bool = false) throws -> (Layer, [CSVPointReader.Rejected]) {
        let result = try CSVPointReader(options: options).read(bytes: Array(text.utf8), name: "sites.csv", collectRejects: rejects)
        return (result.layer, result.rejected)
    }

    @Test func commaFileWithQuotesAndTypes() throws {
        let (layer, _) = try read("name,Longitude,LAT,code,capacity\n\"Quesera \"\"La Vega\"\", C.A.\",-66.5,10.25,0101,14.5\n")
        #expect(layer.count == 1)
        #expect(layer.features[0].geometry == .point(Position(x: -66.5, y: 10.25)))
        #expect(layer.features[0].properties["name"] == .string("Quesera \"La Vega\", C.A."))
        #expect(layer.features[0].properties["code"] == .string("0101"))
        #expect(layer.features[0].properties["capacity"]?.doubleValue == 14.5)
    }

    @Test func semicolonFileWithDecimalCommasBOMAndCRLF() throws {
        let (layer, _) = try read("\u{FEFF}id;x;y;capacidad\r\nS1;-66,5;10,25;3,5\r\nS2;-67;11;\r\n", .init(idColumn: "id"))
        #expect(layer.count == 2)
        #expect(layer.features[0].id == .string("S1"))
        #expect(layer.features[0].geometry == .point(Position(x: -66.5, y: 10.25)))
        #expect(layer.features[0].properties["capacidad"]?.doubleValue == 3.5)
        #expect(layer.features[1].properties["capacidad"] == .null)
    }

    @Test func badRowsAreErrorsOrRejectsNeverDropped() throws {
        let text = "lon,lat,name\n-66,10,a\n-66,abc,b\n-67,11,c\n"
        #expect {
            try read(text)
        } throws: { error in
            (error as? ReadError)?.description == "sites.csv:3: cannot read coordinates '-66', 'abc' as numbers"
        }
        let (layer, rejected) = try read(text, rejects: true)
        #expect(layer.count == 2)
        #expect(rejected.map(\.line) == [3])
        #expect(rejected[0].fields == ["-66", "abc", "b"])
    }

    @Test func emptyAndHeaderOnlyFiles() throws {
        #expect(throws: ReadError.self) { try read("") }
        #expect(try read("lon,lat\n").0.count == 0)
        #expect {
            try read("a,b\n1,2\n")
        } throws: { error in
            (error as? ReadError)?.description == "sites.csv:1: no longitude column (looked for lon, lng, long, longitude, x); name it with --x"
        }
    }

    @Test func jsonNumberGrammar() {
        #expect(CSVPointReader.isJSONNumber("-12.5e3"))
        #expect(CSVPointReader.isJSONNumber("0"))
        #expect(!CSVPointReader.isJSONNumber("0101"))
        #expect(!CSVPointReader.isJSONNumber("1."))
        #expect(!CSVPointReader.isJSONNumber("NaN"))
    }
}
