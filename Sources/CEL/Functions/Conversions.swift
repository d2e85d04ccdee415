/// The type conversion functions `int`, `uint`, `double`, `string`, `bytes`, `bool`,
/// `dyn`, `type`, `timestamp` and `duration`.
enum Conversions {
  static func call(_ fn: Builtin, _ args: Arguments) -> CELResult {
    let v = args[0]
    switch fn {
    case .toInt: return toInt(v)
    case .toUint: return toUint(v)
    case .toDouble: return toDouble(v)
    case .toString: return toString(v)
    case .toBytes:
      switch v {
      case .bytes: return .value(v)
      case .string(let s): return .value(.bytes(Array(s.utf8)))
      default: break
      }
    case .toBool:
      switch v {
      case .bool: return .value(v)
      case .string(let s):
        switch s {
        case "1", "t", "true", "TRUE", "True": return .value(.bool(true))
        case "0", "f", "false", "FALSE", "False": return .value(.bool(false))
        default: return .error(CELError(.invalidArgument, "cannot convert \(CELValue.quote(s)) to bool"))
        }
      default: break
      }
    case .dyn: return .value(v)
    case .type: return .value(.type(v.valueType))
    case .timestamp:
      switch v {
      case .timestamp: return .value(v)
      case .string(let s):
        guard let t = CELTimestamp(rfc3339: s) else {
          return .error(CELError(.invalidArgument, "invalid timestamp \(CELValue.quote(s))"))
        }
        return .value(.timestamp(t))
      case .int(let i):
        guard let t = CELTimestamp(seconds: i) else {
          return .error(CELError(.outOfRange, "timestamp \(i) out of range"))
        }
        return .value(.timestamp(t))
      default: break
      }
    case .duration:
      switch v {
      case .duration: return .value(v)
      case .string(let s):
        guard let d = CELDuration(parsing: s) else {
          return .error(CELError(.invalidArgument, "invalid duration \(CELValue.quote(s))"))
        }
        return .value(.duration(d))
      default: break
      }
    default: break
    }
    return args.noOverload(fn.name)
  }

  static func rangeError(_ v: CELValue, _ type: String) -> CELResult {
    .error(CELError(.outOfRange, "\(v) is out of the range of \(type)"))
  }

  static func toInt(_ v: CELValue) -> CELResult {
    switch v {
    case .int: return .value(v)
    case .uint(let u):
      guard let i = Int64(exactly: u) else { return rangeError(v, "int") }
      return .value(.int(i))
    case .double(let d):
      // The bounds are exclusive, as in cel-go: -2^63 itself is rejected.
      guard d.isFinite, d > -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else {
        return rangeError(v, "int")
      }
      return .value(.int(Int64(d.rounded(.towardZero))))
    case .string(let s):
      guard let i = Int64(s) else { return .error(CELError(.invalidArgument, "cannot convert \(CELValue.quote(s)) to int")) }
      return .value(.int(i))
    case .timestamp(let t): return .value(.int(t.seconds))
    default: return .error(.noOverload("int", v))
    }
  }

  static func toUint(_ v: CELValue) -> CELResult {
    switch v {
    case .uint: return .value(v)
    case .int(let i):
      guard let u = UInt64(exactly: i) else { return rangeError(v, "uint") }
      return .value(.uint(u))
    case .double(let d):
      guard d.isFinite, d > -1, d < 18_446_744_073_709_551_616.0 else { return rangeError(v, "uint") }
      return .value(.uint(UInt64(d.rounded(.towardZero))))
    case .string(let s):
      guard let u = UInt64(s) else { return .error(CELError(.invalidArgument, "cannot convert \(CELValue.quote(s)) to uint")) }
      return .value(.uint(u))
    default: return .error(.noOverload("uint", v))
    }
  }

  static func toDouble(_ v: CELValue) -> CELResult {
    switch v {
    case .double: return .value(v)
    case .int(let i): return .value(.double(Double(i)))
    case .uint(let u): return .value(.double(Double(u)))
    case .string(let s):
      guard let d = Double(s) else { return .error(CELError(.invalidArgument, "cannot convert \(CELValue.quote(s)) to double")) }
      return .value(.double(d))
    default: return .error(.noOverload("double", v))
    }
  }

  static func toString(_ v: CELValue) -> CELResult {
    switch v {
    case .string: return .value(v)
    case .int(let i): return .value(.string(String(i)))
    case .uint(let u): return .value(.string(String(u)))
    case .double(let d): return .value(.string(CELValue.formatDouble(d)))
    case .bool(let b): return .value(.string(b ? "true" : "false"))
    case .bytes(let b):
      let s = String(decoding: b, as: UTF8.self)
      guard Array(s.utf8) == b else { return .error(CELError(.invalidArgument, "bytes are not valid UTF-8")) }
      return .value(.string(s))
    case .timestamp(let t): return .value(.string(t.description))
    case .duration(let d): return .value(.string(d.description))
    case .type(let t): return .value(.string(t.celName))
    default: return .error(.noOverload("string", v))
    }
  }
}
