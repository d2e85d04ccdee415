extension CELValue {
  /// The value as JSON text, following CEL's JSON mapping: bytes as base64 strings,
  /// non-finite doubles as `"NaN"`, `"Infinity"`, `"-Infinity"`, timestamps and durations
  /// as their string forms (`"2009-02-13T23:31:30Z"`, `"1.5s"`), types as their names,
  /// and map keys that are not strings as their literal text (`"1"`, `"true"`).
  /// Integers are written in full, even beyond 2^53.
  public var jsonText: String {
    var writer = JSONWriter()
    writer.write(self)
    return String(decoding: writer.bytes, as: UTF8.self)
  }
}

/// Serialises values to JSON bytes.
struct JSONWriter {
  var bytes: [UInt8] = []

  mutating func write(_ v: CELValue) {
    switch v {
    case .null: append("null")
    case .bool(let b): append(b ? "true" : "false")
    case .int(let i): append(String(i))
    case .uint(let u): append(String(u))
    case .double(let d):
      if d.isNaN {
        append("\"NaN\"")
      } else if d.isInfinite {
        append(d < 0 ? "\"-Infinity\"" : "\"Infinity\"")
      } else {
        append(d.description)
      }
    case .string(let s): writeString(s)
    case .bytes(let b): writeString(Base64.encode(b))
    case .list(let l):
      bytes.append(UInt8(ascii: "["))
      for (k, item) in l.enumerated() {
        if k > 0 { bytes.append(UInt8(ascii: ",")) }
        write(item)
      }
      bytes.append(UInt8(ascii: "]"))
    case .map(let m):
      bytes.append(UInt8(ascii: "{"))
      for k in 0..<m.count {
        if k > 0 { bytes.append(UInt8(ascii: ",")) }
        let entry = m.entry(at: k)
        switch entry.key {
        case .string(let s): writeString(s)
        case .uint(let u): writeString(String(u))
        default: writeString(entry.key.description)
        }
        bytes.append(UInt8(ascii: ":"))
        write(entry.value)
      }
      bytes.append(UInt8(ascii: "}"))
    case .timestamp(let t): writeString(t.description)
    case .duration(let d): writeString(d.description)
    case .type(let t): writeString(t.celName)
    }
  }

  private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

  mutating func writeString(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\""): append("\\\"")
      case UInt8(ascii: "\\"): append("\\\\")
      case 0x0A: append("\\n")
      case 0x0D: append("\\r")
      case 0x09: append("\\t")
      case 0..<0x20, 0x7F:
        let hex = Array("0123456789abcdef".utf8)
        append("\\u00")
        bytes.append(hex[Int(b >> 4)])
        bytes.append(hex[Int(b & 15)])
      default: bytes.append(b)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
