import Foundation
import Geo

/// A JSON request body read strictly: an object, every key known (an
/// unknown one is refused, listing the keys the route takes), each value
/// of the type the route needs.
struct RequestObject {
    let route: String
    let object: JSONObject

    init(_ data: Data, route: String, keys: [String]) throws {
        self.route = route
        guard !data.isEmpty else { throw WorkbenchError.badRequest("\(route): the body is empty; send a JSON object with \(keys.joined(separator: ", "))") }
        let value: JSONValue
        do {
            value = try JSONValue(parsingJSON: Array(data), name: route)
        } catch {
            throw WorkbenchError.badRequest("\(route): the body is not JSON: \(error)")
        }
        guard case .object(let object) = value else {
            throw WorkbenchError.badRequest("\(route): the body is \(value.typeName); send a JSON object with \(keys.joined(separator: ", "))")
        }
        if let unknown = object.keys.first(where: { !keys.contains($0) }) {
            throw WorkbenchError.badRequest("\(route): unknown key \"\(unknown)\"; the keys are \(keys.joined(separator: ", ")) (given: \(object.keys.joined(separator: ", ")))")
        }
        self.object = object
    }

    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw WorkbenchError.badRequest("\(route): give \"\(key)\" (a string)") }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case .string(let text) = value else { throw WorkbenchError.badRequest("\(route): \"\(key)\" is \(value.typeName); give a string") }
        return text
    }

    func strings(_ key: String) throws -> [String] {
        guard let value = object[key] else { throw WorkbenchError.badRequest("\(route): give \"\(key)\" (a list of strings)") }
        guard case .array(let items) = value else { throw WorkbenchError.badRequest("\(route): \"\(key)\" is \(value.typeName); give a list of strings") }
        return try items.enumerated().map { index, item in
            guard case .string(let text) = item else { throw WorkbenchError.badRequest("\(route): \"\(key)\"[\(index)] is \(item.typeName); give a string") }
            return text
        }
    }

    func number(_ key: String) throws -> Double? {
        guard let value = object[key], value != .null else { return nil }
        guard let number = value.doubleValue, case .number = value, number.isFinite else {
            throw WorkbenchError.badRequest("\(route): \"\(key)\" is \(value.typeName); give a number")
        }
        return number
    }
}
