import CEL
import PrincipEngine

/// A part of a condition in words, made from its CEL: `indsatsens format er group`,
/// `alternatives[0].status er en af: excluded, insufficient`. What it cannot put in words
/// it shows as the CEL itself.
struct ConditionWords {
  let words: TrainerWords
  let elementPath: [String: String]

  init(_ language: Language, _ elementPath: [String: String]) {
    words = TrainerWords(language)
    self.elementPath = elementPath
  }

  func words(_ expr: CELExpr) -> String {
    switch expr.kind {
    case .call("_&&_", nil, _): return words[.partAll]
    case .call("_||_", nil, _): return words[.partAny]
    case .call("!_", nil, let arguments) where arguments.count == 1:
      return words.format(.partNot, self.words(arguments[0]))
    case .call(let function, nil, let arguments) where arguments.count == 2:
      let comparisons: [String: TrainerWord] = [
        "_==_": .partEquals, "_!=_": .partNotEquals, "_<_": .partLess, "_<=_": .partAtMost, "_>_": .partGreater,
        "_>=_": .partAtLeast,
      ]
      if let word = comparisons[function] {
        if case .literal(.bool(let flag)) = arguments[1].kind, function == "_==_" {
          return words.format(.partEquals, subject(arguments[0]), words.yesNo(flag))
        }
        return words.format(word, subject(arguments[0]), subject(arguments[1]))
      }
      if function == "@in" {
        if case .list = arguments[1].kind { return words.format(.partOneOf, subject(arguments[0]), subject(arguments[1])) }
        return words.format(.partContains, subject(arguments[1]), subject(arguments[0]))
      }
    case .presenceTest(let operand, let field):
      return words.format(.partPresent, path(operand) + "." + field)
    case .comprehension(let macro):
      let range = subject(macro.range)
      switch macro.macro {
      case .exists: return words.format(.partExists, range)
      case .all: return words.format(.partAllElements, range)
      case .existsOne: return words.format(.partExistsOne, range)
      case .map, .filter: break
      }
    default:
      break
    }
    return subject(expr)
  }

  /// A value or fact: a path, a literal, `antallet af X`, the ladder's attribute of a kind.
  func subject(_ expr: CELExpr) -> String {
    switch expr.kind {
    case .literal(let value):
      return value.stringValue ?? CELSource.text(expr)
    case .list(let items):
      return items.map(subject).joined(separator: ", ")
    case .select(let operand, let field):
      if case .call("_[_]", nil, let arguments) = operand.kind, arguments.count == 2, arguments[0].qualifiedName == "ladder" {
        return words.format(.partLadder, field, subject(arguments[1]))
      }
      return path(expr)
    case .identifier:
      return path(expr)
    case .call("size", let target, let arguments):
      return words.format(.partCount, subject(target ?? arguments.first ?? expr))
    case .call("_+_", nil, let arguments) where arguments.count == 2:
      if case .call("days", nil, let days) = arguments[1].kind, days.count == 1 {
        return words.format(.partDaysAfter, subject(days[0]), subject(arguments[0]))
      }
    default:
      break
    }
    return CELSource.text(expr)
  }

  private func path(_ expr: CELExpr) -> String {
    ConditionExplainer.display(expr, elementPath)
  }
}
