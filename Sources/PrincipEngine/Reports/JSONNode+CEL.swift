import CEL

extension JSONNode {
  /// A proposal value in JSON: dates as `YYYY-MM-DD` (other timestamps and durations in
  /// their CEL string forms), bytes as base64, maps as objects with their keys as text.
  init(_ value: CELValue) {
    switch value {
    case .null: self = .null
    case .bool(let flag): self = .bool(flag)
    case .int(let number): self = .int(number)
    case .uint(let number): self = number <= UInt64(Int64.max) ? .int(Int64(number)) : .double(Double(number))
    case .double(let number): self = .double(number)
    case .string(let text): self = .string(text)
    case .bytes(let bytes): self = .string(Base64.encode(bytes))
    case .list(let elements): self = .array(elements.map(JSONNode.init))
    case .map(let map):
      self = .object(map.pairs.map { pair in (pair.key.stringValue ?? pair.key.description, JSONNode(pair.value)) })
    case .timestamp(let time):
      self = .string(ValueText.date(time))
    case .duration(let duration): self = .string(duration.description)
    case .type(let type): self = .string(CELValue.type(type).description)
    }
  }
}
