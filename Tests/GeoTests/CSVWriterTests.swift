import Testing
@testable import Geo

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatRFC4180Needs() {
        var writer = CSVWriter(header: ["from_id", "to_id"])
        writer.append(["Lara, Torres", "plain"])
        writer.append(["say \"hi\"", "two\nlines"])
        writer.append([" padded", ""])
        #expect(writer.text == """
            from_id,to_id
            "Lara, Torres",plain
            "say ""hi""\","two
            lines"
            " padded",

            """)
    }

    @Test func whatItWritesReadsBackFieldForField() throws {
        let fields = ["a,b", "c\"d", "e\nf", "ñandú", "x;y"]
        var writer = CSVWriter(header: ["one", "two", "three", "four", "five"])
        writer.append(fields)
        let table = try CSVTable.parse(bytes: Array(writer.text.utf8), name: "t.csv")
        #expect(table.rows.count == 1)
        #expect(table.rows[0].fields == fields)
    }
}
