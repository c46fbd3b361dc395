import Foundation
import Testing
@testable import Geo

@Suite struct GeometryTests {
    @Test func unitSquareHasAreaOneAndPerimeterFour() throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
        #expect(try square.area() == 1)
        #expect(try square.length() == 4)
        #expect(try square.envelope() == Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1))
        #expect(try square.centroid().position == Position(x: 0.5, y: 0.5))
    }

    @Test func bufferOfAPointApproachesPiRSquared() throws {
        let point = try Geometry(wkt: "POINT (0 0)")
        let disc = try point.buffer(1000, style: BufferStyle(quadrantSegments: 32))
        // A regular 128-gon inscribed in the circle: area = n/2 r² sin(2π/n).
        let inscribed = 64 * 1000.0 * 1000.0 * sin(2 * Double.pi / 128)
        #expect(abs(try disc.area() - inscribed) < 1e-6 * inscribed)
        #expect(abs(try disc.area() - Double.pi * 1e6) / (Double.pi * 1e6) < 0.001)
        let square = try point.buffer(1, style: BufferStyle(cap: .square))
        #expect(try square.area() == 4)
        let line = try Geometry(wkt: "LINESTRING (0 0, 10 0)")
        #expect(try line.buffer(1, style: BufferStyle(cap: .flat)).area() == 20)
    }

    @Test func makeValidTurnsABowTieIntoTwoTriangles() throws {
        let bowTie = try Geometry(wkt: "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
        let problem = try #require(try bowTie.validityProblem())
        #expect(problem.reason == "Self-intersection")
        #expect(problem.location == Position(x: 1, y: 1))
        let valid = try bowTie.makeValid()
        #expect(try valid.isValid())
        #expect(valid.type == .multiPolygon)
        #expect(valid.partCount == 2)
        #expect(try valid.parts.map { try $0.area() } == [1, 1])
    }

    @Test func voronoiCellsTileTheirClipEnvelope() throws {
        let seeds = try Geometry(wkt: "MULTIPOINT ((1 1), (3 1), (2 3), (5 4), (8 2))")
        let clip = Envelope(minX: -10, minY: -10, maxX: 20, maxY: 20)
        let cells = try seeds.voronoiDiagram(clip: clip)
        #expect(cells.partCount == 5)
        let areas = try cells.parts.map { try $0.area() }
        // GEOS clips cells to the envelope: together they cover it exactly once.
        let union = try cells.unaryUnion()
        #expect(abs(areas.reduce(0, +) - 900) < 1e-9)
        #expect(abs(try union.area() - 900) < 1e-9)
    }

    @Test func wktAndWKBRoundTrip() throws {
        let wkt = "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))"
        let polygon = try Geometry(wkt: wkt)
        #expect(try polygon.wkt() == wkt)
        #expect(try polygon.area() == 15)
        let again = try Geometry(wkb: try polygon.wkb())
        #expect(try again.equalsTopologically(polygon))
        #expect(try Geometry(wkt: "POINT Z (1 2 3)").wkt() == "POINT Z (1 2 3)")
    }

    @Test func shapesGoToGEOSAndBackUnchanged() throws {
        let shapes: [Shape] = [
            .point(Position(x: 1, y: 2)),
            .point(nil),
            .lineString(CoordinateSequence(values: [0, 0, 1, 1, 2, 0])),
            .polygon([CoordinateSequence(values: [0, 0, 4, 0, 4, 4, 0, 0])]),
            .multiPoint(CoordinateSequence(values: [0, 0, 1, 1, 2, 2], hasZ: true)),
            .multiPolygon([[CoordinateSequence(values: [0, 0, 1, 0, 1, 1, 0, 0])], [CoordinateSequence(values: [5, 5, 6, 5, 6, 6, 5, 5])]]),
            .geometryCollection([.point(Position(x: 1, y: 1)), .lineString(CoordinateSequence(values: [0, 0, 1, 1]))]),
        ]
        for shape in shapes {
            #expect(try Geometry(shape).shape == shape)
        }
    }

    @Test func predicatesAndOverlays() throws {
        let a = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        let b = try Geometry(wkt: "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))")
        let c = try Geometry(wkt: "POLYGON ((2 0, 4 0, 4 2, 2 2, 2 0))")
        let inside = try Geometry(wkt: "POINT (1 1)")
        let corner = try Geometry(wkt: "POINT (0 0)")
        #expect(try a.intersects(b))
        #expect(try a.touches(c))
        #expect(try !a.touches(b))
        #expect(try a.contains(inside))
        #expect(try !a.contains(corner))  // a boundary point is covered, not contained
        #expect(try a.covers(corner))
        #expect(try inside.within(a))
        #expect(try a.disjoint(try Geometry(wkt: "POINT (9 9)")))
        #expect(try a.intersection(b).area() == 1)
        #expect(try a.difference(b).area() == 3)
        #expect(try a.union(b).area() == 7)
        #expect(try a.union(c).area() == 8)
        #expect(try Geometry.union([a, b, c]).area() == 10)  // b and c overlap by 1
        // a and c meet edge to edge: a clean coverage.
        #expect(try Geometry.collection([a, c]).coverageUnion().area() == 8)
        #expect(try a.distance(to: try Geometry(wkt: "POINT (5 2)")) == 3)
        let (near, far) = try a.nearestPoints(to: try Geometry(wkt: "POINT (5 1)"))
        #expect(near == Position(x: 2, y: 1))
        #expect(far == Position(x: 5, y: 1))
        let onSurface = try #require(try a.pointOnSurface().position)
        #expect(try a.contains(try Geometry(.point(onSurface))))
    }

    @Test func hullsSimplifyAndNoding() throws {
        let points = try Geometry(wkt: "MULTIPOINT ((0 0), (4 0), (4 4), (0 4), (2 1))")
        #expect(try points.convexHull().area() == 16)
        let concave = try points.concaveHull(ratio: 0.1)
        #expect(try concave.area() <= 16)
        #expect(try concave.area() > 0)
        let wiggle = try Geometry(wkt: "LINESTRING (0 0, 1 0.01, 2 0, 3 0.01, 4 0)")
        let simple = try wiggle.simplifyPreservingTopology(tolerance: 0.1)
        #expect(try simple.wkt() == "LINESTRING (0 0, 4 0)")
        let cross = try Geometry(wkt: "MULTILINESTRING ((0 0, 2 2), (0 2, 2 0))")
        #expect(try cross.noded().partCount == 4)
    }

    @Test func geosErrorsCarryGEOSMessage() {
        let unclosed = Shape.polygon([CoordinateSequence(values: [0, 0, 1, 0, 1, 1, 0, 1])])
        #expect {
            try Geometry(unclosed)
        } throws: { error in
            (error as? GEOSError)?.message.contains("do not form a closed linestring") == true
        }
        #expect(throws: GEOSError.self) { try Geometry(wkt: "POLYGON ((0 0, 1") }
    }

    @Test func preparedGeometryAndSpatialIndex() throws {
        let cells = try (0..<10).map { i in
            try Geometry(wkt: "POLYGON ((\(i) 0, \(i + 1) 0, \(i + 1) 1, \(i) 1, \(i) 0))")
        }
        let index = try SpatialIndex(cells)
        #expect(try index.query(Envelope(minX: 2.5, minY: 0.5, maxX: 4.5, maxY: 0.6)) == [2, 3, 4])
        #expect(try index.nearest(to: try Geometry(wkt: "POINT (7.5 3)")) == 7)
        // On the shared edge x = 5 both cells 4 and 5 are at distance 0: lowest index wins.
        #expect(try index.nearest(to: try Geometry(wkt: "POINT (5 0.5)")) == 4)
        let prepared = try PreparedGeometry(cells[3])
        #expect(try prepared.contains(try Geometry(wkt: "POINT (3.5 0.5)")))
        #expect(try !prepared.contains(try Geometry(wkt: "POINT (4 0.5)")))
        #expect(try prepared.covers(try Geometry(wkt: "POINT (4 0.5)")))
    }

    /// Binary operations check (in debug builds, as tests are) that both
    /// geometries share a context; the normal paths do: geometries made in
    /// one worker's own context, or in the thread's current one.
    @Test func binaryOperationsRunInTheirSharedContext() throws {
        let results = try parallelChunks(count: 8, workers: 4) { range in
            let context = GEOSContext()
            return try range.map { (i: Int) throws -> Double in
                let square = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", context: context)
                let shifted = try Geometry(Envelope(minX: 1, minY: 1, maxX: Double(3 + i), maxY: 3).shape, context: context)
                #expect(square.context === shifted.context)
                #expect(try square.intersects(shifted) && !square.within(shifted))
                #expect(try PreparedGeometry(square).intersects(shifted))
                #expect(try square.distance(to: shifted) == 0)
                _ = try square.nearestPoints(to: shifted)
                let pairwise = try square.union(shifted).area()
                let many = try Geometry.union([square, shifted], context: context).area()
                return pairwise + many
            }
        }.flatMap { $0 }
        let expected: [Double] = (0..<8).map { (i: Int) -> Double in
            let box = 2.0 * Double(2 + i)
            return 2 * (4 + box - 1)
        }
        #expect(results == expected)
        let current = try Geometry(wkt: "POINT (1 1)")
        #expect(current.context === GEOSContext.current)
        #expect(try current.within(try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")))
    }

    @Test func everyThreadGetsItsOwnContext() throws {
        let areas = try parallelChunks(count: 1000, workers: 4) { range in
            try range.map { i in try Geometry(.polygon([CoordinateSequence(values: [0, 0, Double(i), 0, 0, 1, 0, 0])])).area() }
        }.flatMap { $0 }
        #expect(areas == (0..<1000).map { Double($0) / 2 })
    }
}

@Suite struct PolygonLocatorTests {
    /// A 2 x 2 grid of unit cells, numbered row by row from the south-west.
    func grid() throws -> PolygonLocator {
        let corners: [(Double, Double)] = [(0, 0), (1, 0), (0, 1), (1, 1)]
        let cells = try corners.map { (x: Double, y: Double) throws -> Geometry in
            try Geometry(Envelope(minX: x, minY: y, maxX: x + 1, maxY: y + 1).shape)
        }
        return try PolygonLocator(cells)
    }

    @Test func pointsInsideOnEdgesOnCornersAndOutside() throws {
        let locator = try grid()
        #expect(try locator.locate(x: 0.5, y: 0.5) == 0)
        #expect(try locator.locate(x: 1.5, y: 1.5) == 3)
        // On the edge between cells 0 and 1, and on the corner all four share:
        // the lowest index takes it, every run.
        #expect(try locator.locate(x: 1, y: 0.5) == 0)
        #expect(try locator.locate(x: 1.5, y: 1) == 1)
        #expect(try locator.locate(x: 1, y: 1) == 0)
        // The outer boundary is still covered; beyond it nothing is.
        #expect(try locator.locate(x: 2, y: 2) == 3)
        #expect(try locator.locate(x: 2.01, y: 2) == nil)
        let xy: [Double] = [0.5, 0.5, 1.5, 0.5, 0.5, 1.5, 1.5, 1.5, 5, 5]
        #expect(try xy.withUnsafeBufferPointer { try locator.locate($0) } == [0, 1, 2, 3, -1])
    }
}

@Suite struct SpatialOrderTests {
    @Test func zOrderGroupsNeighboursAndIsAPermutation() {
        // Four corners of a square, given diagonally: Z-order visits
        // south-west, south-east, north-west, north-east.
        let xy: [Double] = [10, 10, 0, 0, 0, 10, 10, 0]
        let order = xy.withUnsafeBufferPointer { SpatialOrder.permutation($0) }
        #expect(order == [1, 3, 2, 0])
        var many: [Double] = []
        for i in 0..<10_000 { many += [Double((i * 7919) % 1000), Double((i * 104_729) % 997)] }
        let permutation = many.withUnsafeBufferPointer { SpatialOrder.permutation($0) }
        #expect(Set(permutation).count == 10_000)
    }
}

@Suite struct PointIndexTests {
    @Test func kNearestMatchesBruteForce() throws {
        var points: [Position] = []
        for i in 0..<2_000 { points.append(Position(x: Double((i * 7919) % 1000), y: Double((i * 104_729) % 997) * 3)) }
        let index = try PointIndex(points)
        for query in [Position(x: 0, y: 0), Position(x: 500, y: 1500), Position(x: 5000, y: -40)] {
            let brute = points.indices.sorted {
                let a = hypot(points[$0].x - query.x, points[$0].y - query.y), b = hypot(points[$1].x - query.x, points[$1].y - query.y)
                return a != b ? a < b : $0 < $1
            }.prefix(7)
            #expect(try index.nearest(7, to: query) == Array(brute))
        }
        #expect(try index.nearest(5_000, to: Position(x: 0, y: 0)).count == 2_000)
    }
}
