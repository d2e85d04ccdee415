import Foundation

extension CELValue {
  /// Converts a Foundation JSON object (as `JSONSerialization` returns it) to a value:
  /// `NSNull` to null, booleans to bool, whole numbers without a fractional part in
  /// their text to int, other numbers to double, strings, arrays to lists, and
  /// dictionaries to maps with string keys (sorted). Returns nil for anything else.
  public init?(json: Any) {
    switch json {
    case is NSNull:
      self = .null
    case let n as NSNumber:
      // JSONSerialization's booleans are NSNumbers too; tell them apart by their class
      // and encoding ("c"), floats by "d"/"f".
      let encoding = String(cString: n.objCType)
      if String(describing: Swift.type(of: n)).contains("Boolean") {
        self = .bool(n.boolValue)
      } else if encoding == "d" || encoding == "f" {
        self = .double(n.doubleValue)
      } else if encoding == "Q", n.uint64Value > UInt64(Int64.max) {
        self = .double(n.doubleValue)
      } else {
        self = .int(n.int64Value)
      }
    case let b as Bool: self = .bool(b)
    case let i as Int: self = .int(Int64(i))
    case let d as Double: self = .double(d)
    case let s as String: self = .string(s)
    case let array as [Any]:
      var items: [CELValue] = []
      items.reserveCapacity(array.count)
      for element in array {
        guard let v = CELValue(json: element) else { return nil }
        items.append(v)
      }
      self = .list(items)
    case let dictionary as [String: Any]:
      var builder = CELMap.Builder(capacity: dictionary.count)
      for key in dictionary.keys.sorted() {
        guard let element = dictionary[key], let v = CELValue(json: element) else { return nil }
        builder.set(.string(key), v)
      }
      self = .map(builder.build())
    default:
      return nil
    }
  }
}
