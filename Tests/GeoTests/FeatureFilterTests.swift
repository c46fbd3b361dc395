import Testing
@testable import Geo

@Suite struct FeatureFilterTests {
    let milk = Feature(id: .string("S1"), geometry: nil, properties: ["product": "milk", "stage": "primary", "capacity": 120.5, "code": "12"])
    let cheese = Feature(id: .number(JSONNumber(7)), geometry: nil, properties: ["product": "cheese", "stage": "processing", "capacity": 14])

    private func matches(_ expression: String) throws -> [Bool] {
        let filter = try FeatureFilter(expression)
        return [filter.matches(milk), filter.matches(cheese)]
    }

    @Test func comparisonsAndLogic() throws {
        #expect(try matches("stage == 'processing'") == [false, true])
        #expect(try matches("capacity >= 14 and capacity < 100") == [false, true])
        #expect(try matches("product in ['milk', 'goat milk'] or capacity > 100") == [true, false])
        #expect(try matches("not (product == 'milk')") == [false, true])
        #expect(try matches("stage not in ['retail']") == [true, true])
        #expect(try matches("owner == null") == [true, true])
        #expect(try matches("code == 12") == [true, false])
        #expect(try matches("$id == 7") == [false, true])
        #expect(try matches("`capacity` != 14") == [true, false])
    }

    @Test(arguments: [
        ("stage = ", 9, "expected a value at the end of the expression"),
        ("capacity >", 11, "expected a value at the end of the expression"),
        ("product in 'milk'", 12, "expected '(' after IN, found ''milk''"),
        ("(capacity > 1", 14, "expected ')', found the end of the expression"),
        ("stage == 'open", 10, "unclosed string"),
        ("", 1, "the expression is empty"),
    ])
    func malformedExpressionsPointAtTheColumn(expression: String, column: Int, message: String) {
        #expect {
            try FeatureFilter(expression)
        } throws: { error in
            guard let error = error as? FilterError else { return false }
            return error.column == column && error.message == message
        }
    }

    /// 60,000 parentheses or `not`s overflowed the stack (a SIGSEGV) before
    /// the parser counted its depth.
    @Test func deepNestingIsRefusedNotACrash() {
        for expression in [String(repeating: "(", count: 60_000) + "a == 1" + String(repeating: ")", count: 60_000),
                           String(repeating: "not ", count: 60_000) + "a == 1",
                           "a in " + String(repeating: "[", count: 60_000)] {
            #expect {
                try FeatureFilter(expression)
            } throws: { error in
                (error as? FilterError)?.message == "the expression nests deeper than 100 levels"
            }
        }
        #expect(throws: Never.self) { try FeatureFilter(String(repeating: "(", count: 100) + "a == 1" + String(repeating: ")", count: 100)) }
    }

    /// A chain of 100,000 `and`s is one flat node: evaluated without recursing per operand.
    @Test func longChainsEvaluateFlat() throws {
        let filter = try FeatureFilter(Array(repeating: "capacity > 1", count: 100_000).joined(separator: " and "))
        #expect(filter.matches(milk) && filter.matches(cheese))
        let either = try FeatureFilter(Array(repeating: "capacity > 1000", count: 100_000).joined(separator: " or ") + " or $id == 7")
        #expect(!either.matches(milk) && either.matches(cheese))
    }
}
