import Testing
@testable import Geo

/// OGR SQL in `--where`. The five features are the ones of a small GeoJSON
/// file on which `ogr2ogr -f CSV /vsistdout/ t.geojson -where EXPR -select k`
/// (GDAL 3.6.2) printed the keys each expectation lists; rerun it to check.
@Suite struct OGRFilterTests {
    static let features: [Feature] = [
        feature("a1", ["name": "Milk", "n": 5, "s": "10", "o": .null]),
        feature("a2", ["name": "milk farm", "n": 12.5, "s": "9", "o": "x"]),
        feature("a3", ["name": "Café_50%", "n": .null, "s": "abc", "o": "y"]),
        feature("a4", ["name": "O'Brien", "s": .null]),
        feature("a5", ["name": "CAFÉ", "n": -3, "s": "", "o": ""]),
    ]

    private static func feature(_ key: String, _ properties: JSONObject) -> Feature {
        Feature(id: .string(key), geometry: nil, properties: JSONObject([.init(key: "k", value: .string(key))] + properties.members))
    }

    /// The keys of the features the expression keeps, as one string.
    private func kept(_ expression: String) throws -> String {
        let filter = try FeatureFilter(expression)
        return Self.features.filter(filter.matches).map { $0.id!.description }.joined(separator: " ")
    }

    @Test(arguments: [
        // = and <> (and !=) compare strings without regard to case, as OGR does.
        ("name = 'Milk'", "a1"),
        ("name = 'MILK'", "a1"),
        ("name <> 'MILK'", "a2 a3 a4 a5"),
        ("name != 'milk'", "a2 a3 a4 a5"),
        ("k != 'a1'", "a2 a3 a4 a5"),
        ("'a1' = k", "a1"),
        ("name = 'O''Brien'", "a4"),
        ("s = ''", "a5"),
        ("name > 'M'", "a1 a2 a4"),
        ("name >= 'milk'", "a1 a2 a4"),
        ("name < 'b'", ""),
        // Numbers, and a numeric field against a quoted number.
        ("n > 1", "a1 a2"),
        ("n > 1e0", "a1 a2"),
        ("n = 5.0", "a1"),
        ("n = '5'", "a1"),
        ("n > -4 AND n < 6", "a1 a5"),
        ("n BETWEEN 0 AND 10", "a1"),
        // A null (or missing) value is neither equal nor unequal to anything...
        ("o <> 'x'", "a3 a5"),
        ("o IS NULL", "a1 a4"),
        ("o IS NOT NULL", "a2 a3 a5"),
        ("n IS NULL", "a3 a4"),
        ("s IS NULL", "a4"),
        // ...but NOT, NOT IN and NOT LIKE negate the positive test, so they keep it.
        ("NOT (o = 'x')", "a1 a3 a4 a5"),
        ("NOT n > 1", "a3 a4 a5"),
        ("o IN ('x','y')", "a2 a3"),
        ("o NOT IN ('x','y')", "a1 a4 a5"),
        ("name IN ('MILK')", "a1"),
        ("n IN (5, '12.5')", "a1 a2"),
        ("n IN (5)", "a1"),
        // LIKE tells case apart; ILIKE does not.
        ("name LIKE 'milk%'", "a2"),
        ("name LIKE 'MILK%'", ""),
        ("name ILIKE 'milk%'", "a1 a2"),
        ("name NOT LIKE 'milk%'", "a1 a3 a4 a5"),
        ("k LIKE 'a_'", "a1 a2 a3 a4 a5"),
        ("name LIKE '%#_%' ESCAPE '#'", "a3"),
        ("name LIKE 'O''%'", "a4"),
        // Precedence: NOT over AND over OR; keywords in any case.
        ("name like 'milk%' or NOT name like 'O%' and n > 0", "a1 a2"),
        ("not o is null", "a2 a3 a5"),
        ("o is not null and not o in ('x')", "a3 a5"),
        ("o = 'x' OR NOT o = 'x'", "a1 a2 a3 a4 a5"),
        ("\"name\" = 'Milk'", "a1"),
        ("NOT name = 'Milk' AND (o = 'x' OR o = 'y')", "a2 a3"),
        ("1 = 1", "a1 a2 a3 a4 a5"),
    ])
    func selectsWhatOGRSelects(expression: String, keys: String) throws {
        #expect(try kept(expression) == keys, "\(expression)")
    }

    /// Where Territorio parts from OGR, on purpose; each line says what
    /// ogr2ogr 3.6.2 keeps instead.
    @Test(arguments: [
        // OGR keeps nothing: `= NULL` is never true in SQL, and nobody means that.
        ("o = NULL", "a1 a4"),
        ("o <> NULL", "a2 a3 a5"),
        ("o IN ('x', NULL)", "a1 a2 a4"),
        // OGR folds ASCII letters only, and its `_` is one byte (`é` is two): nothing.
        ("name = 'café'", "a5"),
        ("name LIKE 'Caf__50%'", "a3"),
        ("name ILIKE 'caf_'", "a5"),
        // OGR refuses LIKE on a numeric field; here the number's written form matches.
        ("n LIKE '1%'", "a2"),
    ])
    func differsFromOGROnPurpose(expression: String, keys: String) throws {
        #expect(try kept(expression) == keys, "\(expression)")
    }

    /// The older spelling keeps working beside the SQL one.
    @Test func territoriosOwnSpellingStillWorks() throws {
        #expect(try kept("k == 'a1' or o in ['y', ''] or `n` == 12.5") == "a1 a2 a3 a5")
        #expect(try kept("o == null") == "a1 a4")
        #expect(try kept("o != null and n not in [5, -3]") == "a2 a3")
        #expect(try kept("$id == 'a4'") == "a4")
    }

    @Test func likePatternsMatchWithoutRecursing() {
        let pattern = LikePattern(String(repeating: "%a", count: 500) + "%b", escape: nil, ignoresCase: false)
        #expect(!pattern.matches(text: String(repeating: "a", count: 2_000)))
        #expect(pattern.matches(text: String(repeating: "a", count: 2_000) + "b"))
        #expect(LikePattern("100%", escape: nil, ignoresCase: false).matches(text: "100 km"))
        #expect(LikePattern("100!%", escape: "!", ignoresCase: false).matches(text: "100%"))
        #expect(!LikePattern("100!%", escape: "!", ignoresCase: false).matches(text: "100 km"))
        #expect(LikePattern("", escape: nil, ignoresCase: false).matches(text: ""))
        #expect(!LikePattern("_", escape: nil, ignoresCase: false).matches(text: ""))
    }

    /// Each message names the column and what was expected there.
    @Test(arguments: [
        ("stage IN 'milk'", 10, "expected '(' after IN, found ''milk''"),
        ("stage IN ('a' 'b')", 15, "expected ',' or ')' in the list, found ''b''"),
        ("stage IS 'x'", 10, "expected NULL or NOT NULL after IS, found ''x''"),
        ("stage NOT = 'x'", 11, "expected IN, LIKE, ILIKE or BETWEEN after NOT, found '='"),
        ("name LIKE milk", 11, "expected a pattern in single quotes after LIKE, found 'milk'"),
        ("name LIKE 'a' ESCAPE 'ab'", 22, "expected one character in single quotes after ESCAPE, found 'ab'"),
        ("n BETWEEN 1 OR 2", 13, "expected AND in BETWEEN ... AND ..., found 'OR'"),
        ("n < NULL", 5, "null has no order; use IS NULL or IS NOT NULL"),
        ("stage = 'x' stage", 13, "expected an operator, AND, OR or the end of the expression, found 'stage'"),
        ("stage 'x'", 7, "expected an operator, AND, OR or the end of the expression, found ''x''"),
        ("\"stage = 'x'", 1, "unclosed '\"' in a name"),
        ("stage = AND", 9, "expected a value before 'AND' (a field of that name goes in double quotes)"),
        ("stage IN ()", 11, "expected a value, found ')'"),
    ])
    func malformedExpressionsSayWhatWasExpected(expression: String, column: Int, message: String) {
        #expect {
            try FeatureFilter(expression)
        } throws: { error in
            guard let error = error as? FilterError else { return false }
            return error.column == column && error.message == message
        }
    }

    @Test func doubleQuotedNamesAreKnown() throws {
        let filter = try FeatureFilter("\"stage\" = 'x' AND `product` = \"milk\"")
        #expect(filter.propertyNames == ["stage", "product", "milk"])
        #expect(filter.doubleQuotedNames == ["stage", "milk"])
    }
}
