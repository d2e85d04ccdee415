/// Closest-name suggestions by edit distance, for "did you mean" in messages.
public enum CELSuggestion {
  /// The candidate nearest to `name`, if it is near enough to be a likely typo.
  public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
    let limit = max(1, name.count / 3)
    var best: (String, Int)?
    for c in candidates {
      let d = distance(name.lowercased(), c.lowercased())
      guard d <= limit else { continue }
      if let (bc, bd) = best, bd < d || (bd == d && bc <= c) { continue }
      best = (c, d)
    }
    return best?.0
  }

  /// Edit distance over characters, counting a swap of neighbours as one edit (optimal
  /// string alignment), so that "sel58" is one edit from "sel85".
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[x.count][y.count]
  }
}
