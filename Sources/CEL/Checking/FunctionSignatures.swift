/// The overloads the type checker knows, by function name.
struct Overload {
  /// The receiver type for a method call, nil for a global function.
  let receiver: CELType?
  let parameters: [CELType]
  let result: CELType
}

enum FunctionSignatures {
  private static func method(_ r: CELType, _ p: [CELType], _ result: CELType) -> Overload {
    Overload(receiver: r, parameters: p, result: result)
  }

  private static func global(_ p: [CELType], _ result: CELType) -> Overload {
    Overload(receiver: nil, parameters: p, result: result)
  }

  static let table: [String: [Overload]] = {
    let str = CELType.string
    var t: [String: [Overload]] = [:]
    t["size"] = [str, .bytes, .list(.dyn), .map(.dyn, .dyn)].flatMap { [global([$0], .int), method($0, [], .int)] }
    for name in ["contains", "startsWith", "endsWith", "matches"] { t[name] = [method(str, [str], .bool)] }
    t["matches"]?.append(global([str, str], .bool))
    for name in ["lowerAscii", "upperAscii", "trim"] { t[name] = [method(str, [], str)] }
    t["split"] = [method(str, [str], .list(str)), method(str, [str, .int], .list(str))]
    t["join"] = [method(.list(str), [], str), method(.list(str), [str], str)]
    t["replace"] = [method(str, [str, str], str), method(str, [str, str, .int], str)]
    for name in ["indexOf", "lastIndexOf"] { t[name] = [method(str, [str], .int), method(str, [str, .int], .int)] }
    t["substring"] = [method(str, [.int], str), method(str, [.int, .int], str)]
    t["charAt"] = [method(str, [.int], str)]
    t["int"] = [.int, .uint, .double, str, .timestamp].map { global([$0], .int) }
    t["uint"] = [.int, .uint, .double, str].map { global([$0], .uint) }
    t["double"] = [.int, .uint, .double, str].map { global([$0], .double) }
    t["string"] = [.int, .uint, .double, str, .bytes, .bool, .timestamp, .duration, .type].map { global([$0], str) }
    t["bytes"] = [str, .bytes].map { global([$0], .bytes) }
    t["bool"] = [.bool, str].map { global([$0], .bool) }
    t["dyn"] = [global([.dyn], .dyn)]
    t["type"] = [global([.dyn], .type)]
    t["timestamp"] = [str, .int, .timestamp].map { global([$0], .timestamp) }
    t["duration"] = [str, .duration].map { global([$0], .duration) }
    for name in ["getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear"] {
      t[name] = [method(.timestamp, [], .int), method(.timestamp, [str], .int)]
    }
    for name in ["getHours", "getMinutes", "getSeconds", "getMilliseconds"] {
      t[name] = [method(.timestamp, [], .int), method(.timestamp, [str], .int), method(.duration, [], .int)]
    }
    t["date"] = [str, .timestamp].map { global([$0], .timestamp) }
    t["days"] = [global([.int], .duration)]
    t["monthsBetween"] = [global([.timestamp, .timestamp], .int)]
    return t
  }()

  /// Whether an argument of type `argument` may be passed where `parameter` is expected
  /// (exactly, up to `dyn`; numbers are not converted implicitly).
  static func accepts(_ parameter: CELType, _ argument: CELType) -> Bool {
    switch (parameter, argument) {
    case (.dyn, _), (_, .dyn): return true
    case (.list(let a), .list(let b)): return accepts(a, b)
    case (.map, .map), (.map, .object): return true
    case (.string, .enumeration): return true
    default: return parameter == argument
    }
  }
}
