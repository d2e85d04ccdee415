import CEL

extension CELTypeProblem {
  /// The problem and its suggestion in Danish and English: English is CEL's own wording.
  var text: LocalizedText {
    let en = message + (suggestion.map { " (\($0))" } ?? "")
    return LocalizedText(da: danishMessage + (danishSuggestion.map { " (\($0))" } ?? ""), en: en)
  }

  private var danishMessage: String {
    switch self {
    case .undeclaredVariable(let name, _):
      return "ukendt variabel '\(name)'"
    case .unknownField(let field, let owner, _):
      return "\(owner.map { "'\($0)'" } ?? "objektet") har intet felt '\(field)'"
    case .noFields(let field, let type):
      if case .map(let keys, _) = type { return "en map med \(keys)-nøgler har intet felt '\(field)'" }
      return "typen \(type) har ingen felter, så '.\(field)' fejler"
    case .notIterable(let macro, let type):
      return "\(macro)() skal have en liste eller en map, ikke \(type)"
    case .notBool(let position, let type):
      let what = switch position {
      case .operand(let op): "en operand til '\(op)'"
      case .negation: "operanden til '!'"
      case .condition: "betingelsen i '?:'"
      case .filter: "filteret i map()"
      case .predicate(let macro): "betingelsen i \(macro)()"
      }
      return "\(what) skal være en bool, ikke \(type)"
    case .unknownFunction(let name, _):
      return "ukendt funktion '\(name)'"
    case .noOverload(let function, let call, _):
      return "ingen udgave af '\(function)' tager \(call)"
    case .incomparable(let op, let left, let right, _):
      let always = op == "!=" ? "altid true" : op == "==" ? "altid false" : "altid en fejl"
      return "'\(op)' sammenligner \(left) med \(right); resultatet er \(always)"
    case .unorderable(let op, let left, let right):
      return "'\(op)' kan ikke ordne \(left) og \(right)"
    case .notAContainer(let type):
      return "'in' skal have en liste eller en map til højre, ikke \(type)"
    case .neverFound(let element, let item, _):
      return "'in' leder efter \(element) blandt elementer af typen \(item); den findes aldrig"
    case .badListIndex(let type):
      return "et listeindeks skal være en int, ikke \(type)"
    case .badMapKey(let key, let mapKeys):
      return "en nøgle af typen \(key) findes aldrig i en map med \(mapKeys)-nøgler"
    case .notIndexable(let type):
      return "\(type) kan ikke indekseres"
    case .notNegatable(let type):
      return "\(type) kan ikke gøres negativ"
    case .undefinedArithmetic(let op, let left, let right):
      return "'\(op)' er ikke defineret for \(left) og \(right)"
    case .notAllowedValue(let value, let subject, _, _):
      return "\(CELValue.string(value).description) er ikke en af værdierne\(subject.map { " for \($0)" } ?? "")"
    case .wrongResultType(let expected, let found):
      return "udtrykket skal give \(expected), ikke \(found)"
    }
  }

  private var danishSuggestion: String? {
    switch self {
    case .undeclaredVariable(_, let near?), .unknownField(_, _, let near?), .unknownFunction(_, let near?):
      return "mente du '\(near)'?"
    case .noOverload(_, _, let expected):
      return "forventede en af: \(expected.joined(separator: ", "))"
    case .incomparable(_, _, _, let fix?), .neverFound(_, _, let fix?):
      switch fix {
      case .unquoted(let text, let type):
        let kind = switch type {
        case .int: "et heltal"
        case .bool: "en bool"
        default: "et tal"
        }
        return "mente du \(text) (\(kind), uden anførselstegn)?"
      case .quoted(let text): return "mente du \(CELValue.string(text).description) (en tekst)?"
      case .call(let text): return "mente du \(text)?"
      }
    case .undefinedArithmetic where suggestion != nil:
      return "konvertér den ene side, fx double(x) eller int(x)"
    case .notAllowedValue(_, _, let allowed, let near):
      return near.map { "mente du \(CELValue.string($0).description)?" } ?? "forventede en af \(allowed.map { CELValue.string($0).description }.joined(separator: ", "))"
    default:
      return nil
    }
  }
}
