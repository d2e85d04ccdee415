/// How far a running audit has come, for a progress bar.
public struct AuditProgress: Sendable {
  /// Records read so far.
  public var records: Int
  /// Error rows so far.
  public var errors: Int
  /// Bytes of input read so far (files of a folder count as they are listed).
  public var bytesRead: Int
  /// The input's total size, when known (not for standard input).
  public var totalBytes: Int?
}
