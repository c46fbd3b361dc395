import Foundation
import Geo

/// A scale bar: a round length on the ground and its length on the page.
public struct ScaleBar: Sendable, Hashable {
    /// Metres on the ground: 1, 2 or 5 times a power of ten.
    public let metres: Double
    /// Page units (pixels, or points in PDF) the bar takes.
    public let pageLength: Double

    /// The longest round length (1, 2 or 5 x 10^k metres) that fits in
    /// `maximumLength` page units at `pagePerMetre` page units per metre
    /// on the ground; nil when not even a metre fits.
    public static func choose(pagePerMetre: Double, maximumLength: Double) -> ScaleBar? {
        guard pagePerMetre > 0, pagePerMetre.isFinite, maximumLength > 0 else { return nil }
        let longest = maximumLength / pagePerMetre
        guard longest >= 1 else { return nil }
        let power = pow(10, log10(longest).rounded(.down))
        var best = power
        for factor in [2.0, 5.0, 10.0] where factor * power <= longest * (1 + 1e-12) { best = factor * power }
        return ScaleBar(metres: best, pageLength: best * pagePerMetre)
    }

    /// The unit the labels use: kilometres from 1 km up.
    public var usesKilometres: Bool { metres >= 1000 }

    /// `value` metres in the bar's unit, without the unit: 0, 2.5, 10.
    public func label(_ value: Double) -> String {
        NumberFormat.short(usesKilometres ? value / 1000 : value)
    }

    public var unit: String { usesKilometres ? "km" : "m" }

    /// How many metres of the metric CRS make one metre on the ground at
    /// `center` (a position in `crs`): the CRS's point scale there. A UTM
    /// zone's is within 0.9996...1.001; a Lambert azimuthal equal-area
    /// centred on the data is 1 at its centre. Measured by carrying a
    /// 1 km segment through each axis to an azimuthal equidistant
    /// projection centred on the same point, which is true to scale in
    /// every direction at its centre.
    public static func pointScale(crs: CRS, at center: Position) throws -> Double {
        let toGeographic = try Transformer(from: crs, to: .wgs84)
        guard case .point(let geographic?) = try toGeographic.transform(.point(center)) else { return 1 }
        let local = CRS(String(format: "+proj=aeqd +lat_0=%.9f +lon_0=%.9f +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs",
                               geographic.y, geographic.x))
        let toLocal = try Transformer(from: crs, to: local)
        let half = 500.0
        var xy = [center.x - half, center.y, center.x + half, center.y,
                  center.x, center.y - half, center.x, center.y + half]
        try toLocal.transform(&xy, dimension: 2)
        let alongX = hypot(xy[2] - xy[0], xy[3] - xy[1])
        let alongY = hypot(xy[6] - xy[4], xy[7] - xy[5])
        let ground = (alongX + alongY) / 2
        guard ground > 0, ground.isFinite else { return 1 }
        return 2 * half / ground
    }
}
