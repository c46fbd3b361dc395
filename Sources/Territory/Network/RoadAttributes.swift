import Foundation
import Geo

/// Speed and direction of a road, read from its properties: `maxspeed`
/// (a number, "50", "50 km/h", "30 mph"), `oneway` (yes/true/1, -1,
/// no), also inside OpenStreetMap's `other_tags` text
/// (`"oneway"=>"yes"`); else the speed of its class (`highway`).
public struct RoadAttributes: Sendable {
    public enum Direction: Sendable { case both, forward, backward }

    /// km/h by road class; users may override any.
    public var speeds: [String: Double] = [
        "motorway": 100, "motorway_link": 60, "trunk": 80, "trunk_link": 50, "primary": 70, "primary_link": 40,
        "secondary": 60, "secondary_link": 40, "tertiary": 45, "tertiary_link": 30, "unclassified": 35,
        "residential": 30, "living_street": 10, "service": 20, "track": 15, "road": 30,
        "path": 5, "footway": 5, "pedestrian": 5, "steps": 3, "cycleway": 15, "bridleway": 5,
    ]
    public var defaultSpeed = 30.0
    public var classField = "highway"
    /// False treats every road as two-way.
    public var respectOneWay = true

    public init() {}

    public func speed(of properties: JSONObject) -> Double { speedChoice(of: properties).speed }

    /// The speed, and whether it is `defaultSpeed` because the road has no
    /// maxspeed and no class in `classField` that `speeds` lists (its class,
    /// when it has one, is given back to say which).
    public func speedChoice(of properties: JSONObject) -> (speed: Double, defaulted: Bool, roadClass: String?) {
        if let value = properties["maxspeed"], let speed = Self.parseSpeed(value.text), value != .null { return (speed, false, nil) }
        if let tags = properties["other_tags"]?.stringValue, let text = Self.tag("maxspeed", in: tags), let speed = Self.parseSpeed(text) {
            return (speed, false, nil)
        }
        let value = properties[classField]
        let roadClass = value == nil || value == .null ? nil : value!.text
        if let roadClass, let speed = speeds[roadClass] { return (speed, false, roadClass) }
        return (defaultSpeed, true, roadClass)
    }

    public func direction(of properties: JSONObject) -> Direction {
        guard respectOneWay else { return .both }
        let text = properties["oneway"].flatMap { $0 == .null ? nil : $0.text }
            ?? properties["other_tags"]?.stringValue.flatMap { Self.tag("oneway", in: $0) }
        switch text?.lowercased() {
        case "yes", "true", "1": return .forward
        case "-1", "reverse": return .backward
        default: return .both
        }
    }

    /// "50", "50 km/h" -> 50; "30 mph" -> 48.3; anything else nil.
    static func parseSpeed(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let number = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(number), value > 0 else { return nil }
        return trimmed.hasSuffix("mph") ? value * 1.609344 : value
    }

    /// The value of `key` in an hstore text: `"key"=>"value",...`.
    static func tag(_ key: String, in hstore: String) -> String? {
        guard let range = hstore.range(of: "\"\(key)\"=>\"") else { return nil }
        let rest = hstore[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Parses `class=speed,class=speed` overrides; `default=speed` sets
    /// the speed of roads with no known class.
    public mutating func override(with text: String) throws(ReadError) {
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let speed = Double(parts[1].trimmingCharacters(in: .whitespaces)), speed.isFinite, speed > 0 else {
                throw ReadError(file: "--speeds", message: "expected class=km/h pairs such as residential=25,track=10,default=20, not '\(pair)'")
            }
            let roadClass = String(parts[0]).trimmingCharacters(in: .whitespaces)
            if roadClass == "default" { defaultSpeed = speed } else { speeds[roadClass] = speed }
        }
    }
}
