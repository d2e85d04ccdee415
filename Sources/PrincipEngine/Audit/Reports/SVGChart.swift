/// Charts drawn as inline SVG, so a report needs no script, no network and no assets.
/// Text is escaped; numbers are rounded to one decimal so the output is stable.
enum SVGChart {
  /// One bar: a label, a share 0–1 and an optional earlier share drawn as a tick.
  struct Bar {
    var label: String
    var value: Double
    var earlier: Double?
    var caption: String
  }

  /// One line of a line chart: a name and a share 0–1 per x position (`nil` = no data).
  struct Series {
    var name: String
    var values: [Double?]
  }

  static let palette = ["#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214"]

  /// Horizontal bars, one row per bar, labels on the left.
  static func bars(_ bars: [Bar], title: String, width: Int = 760) -> String {
    let labelWidth = 360, rowHeight = 22, top = 8  // room for a label cut at 48 characters
    let barSpace = Double(width - labelWidth - 110)
    let height = top * 2 + bars.count * rowHeight
    var svg = "<svg role=\"img\" aria-label=\"\(HTMLText.escape(title))\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
    svg += "<title>\(HTMLText.escape(title))</title>"
    for (index, bar) in bars.enumerated() {
      let y = top + index * rowHeight
      let length = max(0, min(1, bar.value)) * barSpace
      svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" class=\"label\">\(HTMLText.escape(HTMLText.cut(bar.label, 48)))</text>"
      svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(number(length))\" height=\"14\" fill=\"\(palette[0])\"><title>\(HTMLText.escape(bar.label)): \(HTMLText.escape(bar.caption))</title></rect>"
      if let earlier = bar.earlier {
        let x = Double(labelWidth) + max(0, min(1, earlier)) * barSpace
        svg += "<line x1=\"\(number(x))\" x2=\"\(number(x))\" y1=\"\(y + 1)\" y2=\"\(y + 21)\" stroke=\"#222\" stroke-width=\"2\"/>"
      }
      svg += "<text x=\"\(number(Double(labelWidth) + length + 6))\" y=\"\(y + 15)\" class=\"value\">\(HTMLText.escape(bar.caption))</text>"
    }
    return svg + "</svg>"
  }

  /// Lines over periods, the y axis in percent from 0 to a rounded maximum.
  static func lines(_ series: [Series], periods: [String], title: String, width: Int = 760, height: Int = 280) -> String {
    let left = 48.0, right = 32.0, top = 12.0, bottom = 44.0  // room for half a period label each side
    let plotWidth = Double(width) - left - right, plotHeight = Double(height) - top - bottom
    let highest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
    let ceiling = max(0.1, (highest * 10).rounded(.up) / 10)
    func x(_ index: Int) -> Double { periods.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(periods.count - 1) }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - value / ceiling) }
    var svg = "<svg role=\"img\" aria-label=\"\(HTMLText.escape(title))\" width=\"\(width)\" height=\"\(height + 22 * ((series.count + 1) / 2))\" viewBox=\"0 0 \(width) \(height + 22 * ((series.count + 1) / 2))\">"
    svg += "<title>\(HTMLText.escape(title))</title>"
    for step in 0...4 {
      let value = ceiling * Double(step) / 4
      svg += "<line x1=\"\(number(left))\" x2=\"\(number(left + plotWidth))\" y1=\"\(number(y(value)))\" y2=\"\(number(y(value)))\" stroke=\"#ddd\"/>"
      svg += "<text x=\"\(number(left - 6))\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\" class=\"axis\">\(Int((value * 100).rounded())) %</text>"
    }
    let labelEvery = max(1, (periods.count + 9) / 10)
    let last = periods.count - 1
    for (index, period) in periods.enumerated() where index == last || (index % labelEvery == 0 && last - index >= labelEvery) {
      svg += "<text x=\"\(number(x(index)))\" y=\"\(number(top + plotHeight + 18))\" text-anchor=\"middle\" class=\"axis\">\(HTMLText.escape(period))</text>"
    }
    for (offset, line) in series.enumerated() {
      let color = palette[offset % palette.count]
      var path = ""
      var pen = false
      for (index, value) in line.values.enumerated() {
        guard let value else {
          pen = false
          continue
        }
        path += "\(pen ? "L" : "M")\(number(x(index))),\(number(y(value))) "
        pen = true
        svg += "<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(value)))\" r=\"2.5\" fill=\"\(color)\"><title>\(HTMLText.escape(line.name)) \(HTMLText.escape(periods[index])): \(number(value * 100)) %</title></circle>"
      }
      if !path.isEmpty { svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(offset == 0 ? 3 : 1.5)\"/>" }
      let legendX = 10 + Double(offset % 2) * Double(width) / 2
      let legendY = Double(height) + 22 * Double(offset / 2) + 4
      svg += "<rect x=\"\(number(legendX))\" y=\"\(number(legendY))\" width=\"14\" height=\"4\" fill=\"\(color)\"/>"
      svg += "<text x=\"\(number(legendX + 20))\" y=\"\(number(legendY + 6))\" class=\"legend\">\(HTMLText.escape(HTMLText.cut(line.name, 52)))</text>"
    }
    return svg + "</svg>"
  }

  /// A coordinate with at most one decimal.
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
  }
}
