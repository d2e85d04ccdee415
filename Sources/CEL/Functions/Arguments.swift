/// Up to four evaluated arguments, held without allocating.
struct Arguments {
  private(set) var count = 0
  private var a0: CELValue = .null
  private var a1: CELValue = .null
  private var a2: CELValue = .null
  private var a3: CELValue = .null

  init() {}

  init(_ values: CELValue...) {
    for v in values { append(v) }
  }

  mutating func append(_ v: consuming CELValue) {
    switch count {
    case 0: a0 = v
    case 1: a1 = v
    case 2: a2 = v
    default: a3 = v
    }
    count += 1
  }

  subscript(i: Int) -> CELValue {
    switch i {
    case 0: a0
    case 1: a1
    case 2: a2
    default: a3
    }
  }

  /// The arguments as an array, for error messages.
  var all: [CELValue] { (0..<count).map { self[$0] } }

  /// A `no_matching_overload` error naming the function and these arguments' types.
  func noOverload(_ function: String) -> CELResult {
    let types = all.map(\.typeName).joined(separator: ", ")
    return .error(CELError(.noMatchingOverload, "no matching overload for '\(function)' applied to (\(types))"))
  }
}
