import Testing
@testable import Maps

/// Class breaks small enough to check by hand.
struct ClassificationTests {
    let oneToTen = (1...10).map(Double.init)

    @Test func quantilesOfOneToTenAreTheEvenNumbers() throws {
        let classes = try #require(Classification(values: oneToTen.reversed(), method: .quantile(5)))
        #expect(classes.minimum == 1)
        #expect(classes.upperBounds == [2, 4, 6, 8, 10])
        #expect(classes.classIndex(of: 1) == 0)
        #expect(classes.classIndex(of: 2) == 0)
        #expect(classes.classIndex(of: 3) == 1)
        #expect(classes.classIndex(of: 10) == 4)
        #expect(classes.range(of: 1) == (lower: 2, upper: 4))
        // Nearest rank: with 4 classes the bounds are v(3), v(5), v(8), v(10).
        #expect(Classification(values: oneToTen, method: .quantile(4))?.upperBounds == [3, 5, 8, 10])
    }

    @Test func equalIntervalsOfOneToTenAreOnePointEightWide() throws {
        let classes = try #require(Classification(values: oneToTen, method: .equalInterval(5)))
        let expected = [2.8, 4.6, 6.4, 8.2, 10]
        #expect(classes.upperBounds.count == 5)
        for (bound, value) in zip(classes.upperBounds, expected) { #expect(abs(bound - value) < 1e-12) }
        #expect(classes.classIndex(of: 2.8) == 0)
        #expect(classes.classIndex(of: 2.9) == 1)
        #expect(classes.upperBounds.last == 10)
    }

    @Test func jenksFindsTheGapsOfClusteredValues() throws {
        let bimodal: [Double] = [12, 1, 2, 3, 10, 11, 2.5, 11.5]
        #expect(Classification(values: bimodal, method: .jenks(2))?.upperBounds == [3, 12])
        let three: [Double] = [1, 2, 3, 20, 21, 22, 50, 51, 52, 53]
        #expect(Classification(values: three, method: .jenks(3))?.upperBounds == [3, 22, 53])
        // Fisher's optimum, checked against every split: 1,2 | 4,5,6 | 9 has
        // the least within-class squared deviation (0.5 + 2 + 0).
        #expect(Classification(values: [1, 2, 4, 5, 6, 9], method: .jenks(3))?.upperBounds == [2, 6, 9])
    }

    @Test func jenksOnManyValuesStillSeparatesClusters() throws {
        // 6,000 distinct values in two clusters: past the 4,000 limit the
        // dynamic programme runs on order statistics.
        let low = (0..<3000).map { Double($0) / 1000 }          // 0 ... 2.999
        let high = (0..<3000).map { 100 + Double($0) / 1000 }   // 100 ... 102.999
        let classes = try #require(Classification(values: high + low, method: .jenks(2)))
        #expect(classes.upperBounds.count == 2)
        #expect(classes.upperBounds[0] < 3 && classes.upperBounds[0] > 2.9)
        #expect(classes.upperBounds[1] == 102.999)
    }

    @Test func equalBoundsMergeAndMissingValuesAreLeftOut() throws {
        let zeros: [Double] = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4]
        let classes = try #require(Classification(values: zeros + [.nan, .infinity], method: .quantile(5)))
        #expect(classes.upperBounds == [0, 2, 4])
        #expect(classes.count == 3)
        #expect(Classification(values: [7, 7, 7], method: .jenks(4))?.upperBounds == [7])
        #expect(Classification(values: [], method: .equalInterval(3)) == nil)
        #expect(classes.classIndex(of: .nan) == nil)
    }

    @Test func methodsParseWithAndWithoutACount() {
        #expect(ClassificationMethod(parsing: "quantile") == .quantile(5))
        #expect(ClassificationMethod(parsing: "jenks:6") == .jenks(6))
        #expect(ClassificationMethod(parsing: "equal:3") == .equalInterval(3))
        #expect(ClassificationMethod(parsing: "equal:1") == nil)
        #expect(ClassificationMethod(parsing: "equal:10") == nil)
        #expect(ClassificationMethod(parsing: "natural:x") == nil)
        #expect(ClassificationMethod(parsing: "median") == nil)
    }

    @Test func legendNumbersUseAsFewDecimalsAsTellThemApart() {
        #expect(NumberFormat.decimals(for: [1, 2, 4, 6, 8, 10]) == 0)
        #expect(NumberFormat.decimals(for: [1, 2.8, 4.6, 6.4, 8.2, 10]) == 1)
        #expect(NumberFormat.decimals(for: [0, 0.045, 0.155, 0.773]) == 2)
        #expect(NumberFormat.decimals(for: [0, 0.001, 0.002]) == 3)
        #expect(NumberFormat.format(515543, decimals: 0) == "515,543")
        #expect(NumberFormat.format(-1234567.891, decimals: 2) == "-1,234,567.89")
        #expect(NumberFormat.format(-0.0001, decimals: 2) == "0.00")
        #expect(NumberFormat.format(999, decimals: 0) == "999")
    }
}
