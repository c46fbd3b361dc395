import Foundation

/// Reads a large FeatureCollection on every core: the file is cut into
/// pieces at feature boundaries, each worker parses its piece with its own
/// parser (`pread`, nothing shared), and the features are put back in file
/// order, so the layer is the one the sequential reader gives.
///
/// A cut is looked for after a line break: a raw line break is never inside
/// a JSON string, and a line "... ,\n{" is where files written one feature
/// a line (Territorio, GDAL, GeoPandas) start a feature. That guess is
/// checked: each piece must end exactly where the next one starts, after a
/// whole feature and its ','. When a guess was wrong, or anything in a
/// piece is wrong (a syntax error, bad UTF-8), nothing of the pieces is
/// kept and the file is read again in one go, so errors name the same line
/// and column as always.
enum GeoJSONPieces {
    /// Below this size one core reads the file about as fast.
    static let minimumFileSize = 16 << 20
    /// How far past a planned cut a line break starting a feature is looked for.
    static let searchWindow = 1 << 20

    /// The layer, or nil when the file is better read sequentially (small,
    /// not a regular file, not a collection one feature a line, one worker)
    /// or a piece did not check out.
    static func read(path: String, workers: Int, minimumFileSize: Int = minimumFileSize) -> Layer? {
        guard workers > 1, path != "-" else { return nil }
        do {
            return try readPieces(path: path, workers: workers, minimumFileSize: minimumFileSize)
        } catch {
            return nil
        }
    }

    private struct Piece: Sendable {
        var features: [Feature]
        var crs: CRS?
    }

    private struct Misaligned: Error {}

    private static func readPieces(path: String, workers: Int, minimumFileSize: Int) throws -> Layer? {
        let input = try ByteInput(path: path)
        guard let size = input.fileSize, size >= minimumFileSize else { return nil }
        // The prefix up to the second feature, read as the reader reads it:
        // the collection's opening, its "crs" when it comes first, the first feature.
        var prefix = GeoJSONParser(input: input)
        defer { prefix.scanner.deallocate() }
        guard let first = try prefix.nextFeature(), try prefix.moveToSecondFeature() else { return nil }
        let start = prefix.scanner.byteOffset
        let cuts = try findCuts(path: path, from: start, size: size, pieces: workers)
        guard cuts.count > 2 else { return nil }
        let pieces = try parallelChunks(count: cuts.count - 1, workers: workers) { range -> [Piece] in
            try range.map { index throws -> Piece in
                let last = index == cuts.count - 2
                var parser = GeoJSONParser(input: try ByteInput(path: path, range: cuts[index]..<(last ? size : cuts[index + 1])))
                defer { parser.scanner.deallocate() }
                if last { return Piece(features: try parser.remainingFeatures(), crs: parser.crs) }
                guard let features = try parser.features(upTo: cuts[index + 1] - cuts[index]) else { throw Misaligned() }
                return Piece(features: features, crs: nil)
            }
        }.flatMap { $0 }
        var features = [first]
        features.reserveCapacity(1 + pieces.reduce(0) { $0 + $1.features.count })
        for piece in pieces { features.append(contentsOf: piece.features) }
        return Layer(features: features, crs: pieces.last?.crs ?? prefix.crs ?? .wgs84)
    }

    /// `start` (the second feature), then for each further piece the first
    /// "\n{" after a "," past its planned start, then `size`. Cuts too close
    /// to the previous one are dropped.
    private static func findCuts(path: String, from start: Int, size: Int, pieces: Int) throws -> [Int] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var window = [UInt8](repeating: 0, count: searchWindow)
        var cuts = [start]
        for piece in 1..<pieces {
            let planned = start + (size - start) * piece / pieces
            let count = window.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, searchWindow, off_t(planned)) }
            guard count > 2 else { continue }
            var index = 1
            while index < count - 1 {
                if window[index] == 0x0A {
                    var before = index - 1
                    while before > 0, window[before] == 0x20 || window[before] == 0x0D || window[before] == 0x09 { before -= 1 }
                    var after = index + 1
                    while after < count - 1, window[after] == 0x20 || window[after] == 0x09 { after += 1 }
                    if window[before] == UInt8(ascii: ","), window[after] == UInt8(ascii: "{") {
                        if planned + after > cuts.last! { cuts.append(planned + after) }
                        break
                    }
                }
                index += 1
            }
        }
        cuts.append(size)
        return cuts
    }
}
