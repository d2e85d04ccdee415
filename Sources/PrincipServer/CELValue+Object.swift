import CEL

extension CELValue {
  /// A JSON object with its keys in the order given (the server's own small documents).
  static func object(_ pairs: [(String, CELValue)]) -> CELValue {
    // String keys are never duplicated here, the only reason the map could refuse them.
    (try? CELMap(pairs: pairs.map { (CELValue.string($0.0), $0.1) })).map(CELValue.map) ?? .null
  }
}
