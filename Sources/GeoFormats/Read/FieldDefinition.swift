import CGDAL

/// One attribute field of a GDAL layer as Territorio sees it. Readers
/// report the fields they found, so a writer can give a copy the same
/// types (an Integer64 field of small numbers stays Integer64, a Date
/// stays a Date).
public struct FieldDefinition: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case integer, integer64, real, string, boolean, date, time, dateTime, json, binary
        case integerList, integer64List, realList, stringList
    }

    public var name: String
    public var kind: Kind
    /// GDAL's width and precision; 0 when the format does not fix them.
    public var width: Int
    public var precision: Int

    public init(name: String, kind: Kind, width: Int = 0, precision: Int = 0) {
        self.name = name
        self.kind = kind
        self.width = width
        self.precision = precision
    }
}

extension FieldDefinition.Kind {
    init(_ type: OGRFieldType, _ subtype: OGRFieldSubType) {
        switch type {
        case OFTInteger: self = subtype == OFSTBoolean ? .boolean : .integer
        case OFTInteger64: self = subtype == OFSTBoolean ? .boolean : .integer64
        case OFTReal: self = .real
        case OFTString, OFTWideString: self = subtype == OFSTJSON ? .json : .string
        case OFTDate: self = .date
        case OFTTime: self = .time
        case OFTDateTime: self = .dateTime
        case OFTBinary: self = .binary
        case OFTIntegerList: self = .integerList
        case OFTInteger64List: self = .integer64List
        case OFTRealList: self = .realList
        default: self = .stringList
        }
    }

    var ogrType: (OGRFieldType, OGRFieldSubType) {
        switch self {
        case .integer: (OFTInteger, OFSTNone)
        case .integer64: (OFTInteger64, OFSTNone)
        case .real: (OFTReal, OFSTNone)
        case .string: (OFTString, OFSTNone)
        case .boolean: (OFTInteger, OFSTBoolean)
        case .date: (OFTDate, OFSTNone)
        case .time: (OFTTime, OFSTNone)
        case .dateTime: (OFTDateTime, OFSTNone)
        case .json: (OFTString, OFSTJSON)
        case .binary: (OFTBinary, OFSTNone)
        case .integerList: (OFTIntegerList, OFSTNone)
        case .integer64List: (OFTInteger64List, OFSTNone)
        case .realList: (OFTRealList, OFSTNone)
        case .stringList: (OFTStringList, OFSTNone)
        }
    }
}
