import Foundation

/// A figure of an HTML report: a map drawn by the Maps module, carried in
/// the page itself as a `data:` URI (an SVG keeps its vectors for print;
/// inside an `<img>`, its ids cannot clash with another map's).
public struct ReportFigure: Sendable {
    public var caption: String
    public var mediaType: String
    public var bytes: [UInt8]

    public init(caption: String, mediaType: String, bytes: [UInt8]) {
        self.caption = caption
        self.mediaType = mediaType
        self.bytes = bytes
    }

    /// The media type of an image file by its extension; nil for one a
    /// browser would not show.
    public static func mediaType(ofFile file: String) -> String? {
        switch file.split(separator: ".").last?.lowercased() {
        case "png": "image/png"
        case "svg": "image/svg+xml"
        case "jpg", "jpeg": "image/jpeg"
        default: nil
        }
    }

    var dataURI: String { "data:\(mediaType);base64,\(Data(bytes).base64EncodedString())" }

    /// `<img>` of the figure, its caption as the text a screen reader gives.
    var image: String { "<img src=\"\(dataURI)\" alt=\"\(HTMLText.escape(caption))\">" }

    var html: String { "<figure class=\"map\">\(image)<figcaption>\(HTMLText.escape(caption))</figcaption></figure>\n" }
}
