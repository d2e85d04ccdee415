/// Where result entries go, in input order.
public protocol ResultSink {
  func write(_ bytes: [UInt8]) throws(OutputError)
}

extension OutputFile: ResultSink {}
