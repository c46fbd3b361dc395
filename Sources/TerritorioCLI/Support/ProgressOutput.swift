import Geo
import GeoFormats

/// A feature output that shows the writing's progress (`Progress`) while
/// it hands every feature on to the real writer.
final class ProgressOutput: FeatureOutput {
    private let inner: any FeatureOutput
    private let progress: Progress
    private var written = 0
    private let total: Int?

    /// `total`: the features to come, when known (a layer written whole).
    init(_ inner: any FeatureOutput, label: String, total: Int? = nil) {
        self.inner = inner
        self.progress = Progress(label)
        self.total = total
    }

    func write(_ feature: Feature) throws(WriteError) {
        try inner.write(feature)
        written += 1
        if written % 10_000 == 0 { progress.update(written, of: total) }
    }

    func finish() throws(WriteError) {
        progress.update(written, of: total)
        progress.finish()
        try inner.finish()
    }

    func abandon() {
        progress.finish()
        inner.abandon()
    }

    var invalidPolygonsWritten: Int? { inner.invalidPolygonsWritten }
}
