import Testing
@testable import Geo

@Suite struct CRSTests {
    @Test func knownPointInUTM() throws {
        // On the central meridian of zone 19 (69° W) easting is the false
        // easting, 500,000 m; at 10° N the northing is k0 = 0.9996 times the
        // WGS 84 meridian arc of 1,105,854.83 m: 1,105,412.49 m.
        let transformer = try Transformer(from: .wgs84, to: CRS("EPSG:32619"))
        let shape = try transformer.transform(Shape.point(Position(x: -69, y: 10)))
        guard case .point(let utm?) = shape else { Issue.record("not a point"); return }
        #expect(abs(utm.x - 500_000) < 1e-6)
        #expect(abs(utm.y - 1_105_412.49) < 0.01)
    }

    @Test func roundTripThroughUTMWithin1e7Degrees() throws {
        let there = try Transformer(from: .wgs84, to: CRS("EPSG:32619"))
        let back = try Transformer(from: CRS("EPSG:32619"), to: .wgs84)
        let original = CoordinateSequence(values: [-68.0051, 10.4615, -70.25, 8.5, -66.9, 11.9])
        let returned = try back.transform(try there.transform(original))
        for (a, b) in zip(original.values, returned.values) { #expect(abs(a - b) < 1e-7) }
    }

    @Test func axisOrderIsAlwaysLongitudeFirst() throws {
        // EPSG:4326 is latitude first by definition; Territorio is not.
        let transformer = try Transformer(from: CRS("EPSG:4326"), to: CRS("EPSG:3857"))
        let shape = try transformer.transform(Shape.point(Position(x: 180, y: 0)))
        guard case .point(let mercator?) = shape else { Issue.record("not a point"); return }
        #expect(abs(mercator.x - 20_037_508.342789244) < 1e-6)
    }

    @Test func metricCRSIsTheUTMZoneOrAnEqualAreaOne() {
        #expect(CRS.metric(for: Envelope(minX: -68.2, minY: 10.2, maxX: -67.9, maxY: 10.4)) == CRS("EPSG:32619"))
        #expect(CRS.metric(for: Envelope(minX: -68.2, minY: -17, maxX: -68.0, maxY: -16.4)) == CRS("EPSG:32719"))
        let venezuela = CRS.metric(for: Envelope(minX: -73.35, minY: 0.65, maxX: -59.8, maxY: 12.2))
        #expect(venezuela.definition.hasPrefix("+proj=laea +lat_0=6.425000 +lon_0=-66.575000"))
        #expect(CRS.utmZone(longitude: 180) == 60)
        #expect(CRS.utmZone(longitude: -180) == 1)
    }

    /// A layer already in a metric CRS keeps it; one in longitude,
    /// latitude gets the UTM zone of its centre.
    @Test func metricCRSOfALayerAlreadyProjectedIsItsOwn() throws {
        let degrees = Layer(features: [Feature(geometry: .point(Position(x: -68.0, y: 10.3))),
                                       Feature(geometry: .point(Position(x: -67.9, y: 10.4)))])
        #expect(try degrees.metricCRS() == CRS("EPSG:32619"))
        let projected = try degrees.projected(to: CRS("EPSG:32619"))
        #expect(try projected.metricCRS() == CRS("EPSG:32619"))
        // Far from zone 19's central meridian it would re-centre on another
        // zone; it must not.
        let west = try Layer(features: [Feature(geometry: .point(Position(x: -71.5, y: 10.3)))]).projected(to: CRS("EPSG:32619"))
        #expect(try west.metricCRS() == CRS("EPSG:32619"))
        #expect(CRS("EPSG:32619").isMetric)
        #expect(CRS("+proj=laea +lat_0=6.425 +lon_0=-66.575 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs").isMetric)
        #expect(!CRS.wgs84.isMetric)
        #expect(!CRS("EPSG:4269").isMetric)     // NAD83, degrees
        #expect(!CRS("EPSG:3857").isMetric)     // Web Mercator: metres, but not true lengths
        #expect(!CRS("EPSG:2225").isMetric)     // California zone 1, US feet
        #expect(!CRS("EPSG:999999").isMetric)
        // Web Mercator data is re-centred on the UTM zone of its centre.
        let mercator = try degrees.projected(to: CRS("EPSG:3857"))
        #expect(try mercator.metricCRS() == CRS("EPSG:32619"))
    }

    @Test func projErrorsSayWhatFailed() {
        #expect {
            try Transformer(from: CRS("EPSG:999999"), to: .wgs84)
        } throws: { error in
            "\(error)".contains("EPSG:999999") && !"\(error)".contains("Unknown error")
        }
    }

    @Test func failedPointsAreErrorsNotInfinity() throws {
        let transformer = try Transformer(from: .wgs84, to: CRS("EPSG:32619"))
        var values = [-69.0, 10.0, -69.0, 95.0]
        #expect {
            try transformer.transform(&values, dimension: 2)
        } throws: { error in
            guard case CRSError.pointFailed(let index, _, _) = error else { return false }
            return index == 1
        }
    }

    @Test func parallelTransformMatchesSerial() throws {
        var values: [Double] = []
        for i in 0..<200_000 {
            values.append(-70 + Double(i % 1000) / 1000)
            values.append(8 + Double(i / 1000) / 100)
        }
        var parallel = values
        try Transformer.transformInParallel(&parallel, dimension: 2, from: .wgs84, to: CRS("EPSG:32619"))
        var serial = values
        try Transformer(from: .wgs84, to: CRS("EPSG:32619")).transform(&serial, dimension: 2)
        #expect(parallel == serial)
    }
}
