import Geo
import Testing
@testable import Maps

struct ScaleBarTests {
    @Test func picksTheLongestRoundLengthThatFits() throws {
        // 100 km across 600 px: at most 200 px is 33.3 km, so 20 km (120 px).
        let bar = try #require(ScaleBar.choose(pagePerMetre: 600.0 / 100_000, maximumLength: 200))
        #expect(bar.metres == 20_000)
        #expect(abs(bar.pageLength - 120) < 1e-9)
        #expect(bar.unit == "km" && bar.label(bar.metres) == "20" && bar.label(bar.metres / 2) == "10")

        func metres(_ longest: Double) -> Double? {
            ScaleBar.choose(pagePerMetre: 1, maximumLength: longest)?.metres
        }
        #expect(metres(5_500) == 5_000)
        #expect(metres(9_999) == 5_000)
        #expect(metres(10_000) == 10_000)
        #expect(metres(1_999) == 1_000)
        #expect(metres(4_000) == 2_000)
        #expect(metres(150) == 100)
        #expect(metres(0.5) == nil)

        let short = try #require(ScaleBar.choose(pagePerMetre: 1, maximumLength: 700))
        #expect(short.metres == 500 && short.unit == "m" && short.label(250) == "250")
        let kilometre = try #require(ScaleBar.choose(pagePerMetre: 0.1, maximumLength: 150))
        #expect(kilometre.metres == 1_000 && kilometre.label(500) == "0.5" && kilometre.unit == "km")
    }

    @Test func pointScaleIsUTMsScaleFactor() throws {
        // On the central meridian of a UTM zone the scale is k0 = 0.9996;
        // 180 km east of it about 1.0000 (k0 (1 + x^2 / 2R^2)).
        let utm = CRS("EPSG:32619")
        let central = try ScaleBar.pointScale(crs: utm, at: Position(x: 500_000, y: 1_100_000))
        #expect(abs(central - 0.9996) < 2e-6)
        let east = try ScaleBar.pointScale(crs: utm, at: Position(x: 680_000, y: 1_100_000))
        #expect(abs(east - 0.9996 * (1 + 180_000.0 * 180_000 / (2 * 6_378_000.0 * 6_378_000))) < 1e-5)
    }
}
