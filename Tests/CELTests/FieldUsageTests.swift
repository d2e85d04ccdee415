import Testing

@testable import CEL

/// Which fields of their variables expressions may read.
@Suite("Field usage")
struct FieldUsageTests {
  @Test("a select chain reads the last field in full")
  func selectChain() {
    #expect(usage("proposal.citizen.age > 18") == ["proposal": fields(["citizen": fields(["age": .whole])])])
    #expect(usage("proposal") == ["proposal": .whole])
  }

  @Test("a macro reads any key of its range, and what its body reads of each element")
  func macroOverList() {
    #expect(
      usage("proposal.interventions.exists(i, ladder[i.kind].category == 'employment')") == [
        "proposal": fields(["interventions": iterated(fields(["kind": .whole]))]),
        "ladder": iterated(fields(["category": .whole])),
      ])
  }

  @Test("has() reads a field's presence only")
  func presence() {
    #expect(
      usage("has(proposal.plan.coordinated_with)") == [
        "proposal": fields(["plan": fields(["coordinated_with": .presence])])
      ])
    // Not a path: what it is built from is read in full.
    #expect(usage("has({'a': proposal.b}.a)") == ["proposal": fields(["b": .whole])])
  }

  @Test("size() reads any key, not the elements")
  func size() {
    let expected = ["proposal": fields(["interventions": CELFieldUsage(readsAnyKey: true)])]
    #expect(usage("size(proposal.interventions) > 1") == expected)
    #expect(usage("proposal.interventions.size() > 1") == expected)
  }

  @Test("filter stands for its range's elements")
  func filter() {
    #expect(
      usage("proposal.interventions.filter(i, i.x).exists(j, j.y)") == [
        "proposal": fields(["interventions": iterated(fields(["x": .whole, "y": .whole]))])
      ])
    #expect(usage("proposal.xs.filter(x, x.ok) == []") == ["proposal": fields(["xs": .whole])])
  }

  @Test("comparisons and in read both sides in full")
  func comparisons() {
    #expect(usage("proposal.plan == {}") == ["proposal": fields(["plan": .whole])])
    #expect(
      usage("intervention in proposal.interventions") == [
        "intervention": .whole, "proposal": fields(["interventions": .whole]),
      ])
  }

  @Test("a comprehension variable shadows a free variable inside its macro only")
  func shadowing() {
    #expect(usage("[1, 2].exists(proposal, proposal.a)") == [:])
    #expect(
      usage("proposal.xs.exists(proposal, proposal.a) && proposal.b") == [
        "proposal": fields(["xs": iterated(fields(["a": .whole])), "b": .whole])
      ])
    #expect(
      usage("proposal.xs.all(x, proposal.ys.exists(x, x.b) && x.a)") == [
        "proposal": fields(["xs": iterated(fields(["a": .whole])), "ys": iterated(fields(["b": .whole]))])
      ])
  }

  @Test("a ternary reads its condition and both branches")
  func ternary() {
    #expect(
      usage("proposal.a ? proposal.b.c : proposal.d") == [
        "proposal": fields(["a": .whole, "b": fields(["c": .whole]), "d": .whole])
      ])
  }

  @Test("several expressions read the union of what each reads")
  func unionOfExpressions() {
    #expect(
      usage("proposal.a.b == 1", "proposal.a.c == 2", "x > 0") == [
        "proposal": fields(["a": fields(["b": .whole, "c": .whole])]), "x": .whole,
      ])
    #expect(usage("proposal.a.b == 1", "proposal.a == null") == ["proposal": fields(["a": .whole])])
  }

  @Test("formUnion with whole is whole, and whole equals whole whatever else is set")
  func formUnionWithWhole() {
    var u = fields(["a": .whole], elements: .presence)
    u.formUnion(.whole)
    #expect(u == .whole)
    #expect(u.fields.isEmpty && u.elements == nil)
    var w = CELFieldUsage.whole
    w.formUnion(fields(["b": .presence]))
    #expect(w == .whole)
    w.fields = ["c": .presence]
    #expect(w == .whole)
    #expect(CELFieldUsage(isWhole: true, fields: ["a": .presence]) == .whole)
    #expect(fields(["a": .presence]) != .whole)

    var v = fields(["a": fields(["x": .presence])], elements: fields(["e": .presence]))
    v.formUnion(CELFieldUsage(readsAnyKey: true, fields: ["a": fields(["y": .whole])], elements: .whole))
    #expect(v == CELFieldUsage(readsAnyKey: true, fields: ["a": fields(["x": .presence, "y": .whole])], elements: .whole))
  }

  @Test("a string literal index is a field; any other index reads the elements and any key")
  func index() {
    #expect(usage("proposal['plan'].goal == 1") == ["proposal": fields(["plan": fields(["goal": .whole])])])
    #expect(
      usage("proposal.plan[proposal.key] == 1") == [
        "proposal": fields(["plan": iterated(.whole), "key": .whole])
      ])
    #expect(usage("proposal.xs[0].a") == ["proposal": fields(["xs": iterated(fields(["a": .whole]))])])
    #expect(usage("proposal.xs[1u].a") == ["proposal": fields(["xs": iterated(fields(["a": .whole]))])])
  }

  @Test("nested macros over a list of lists")
  func nestedMacros() {
    #expect(
      usage("proposal.rows.all(r, r.exists(c, c.v > 0))") == [
        "proposal": fields(["rows": iterated(iterated(fields(["v": .whole])))])
      ])
    #expect(
      usage("proposal.rows.exists(r, r[0].v == 1)") == [
        "proposal": fields(["rows": iterated(iterated(fields(["v": .whole])))])
      ])
  }

  @Test("map's transform is read in full")
  func mapBody() {
    #expect(
      usage("proposal.xs.map(x, x.a).exists(a, a == 1)") == [
        "proposal": fields(["xs": iterated(fields(["a": .whole]))])
      ])
    #expect(
      usage("proposal.xs.map(x, x.ok, x.a).size() > 0") == [
        "proposal": fields(["xs": iterated(fields(["ok": .whole, "a": .whole]))])
      ])
  }

  @Test("a range that is not a path is read in full, and its variable's reads go nowhere")
  func rangeNotAPath() {
    #expect(
      usage("[proposal.a, proposal.b].exists(x, x.c == proposal.d)") == [
        "proposal": fields(["a": .whole, "b": .whole, "d": .whole])
      ])
  }

  @Test("type names are not variables")
  func typeNames() {
    #expect(usage("type(proposal.a) == int") == ["proposal": fields(["a": .whole])])
  }
}

/// What `sources` read of their variables.
private func usage(_ sources: String..., sourceLocation: SourceLocation = #_sourceLocation) -> [String: CELFieldUsage] {
  var expressions: [CELExpr] = []
  for source in sources {
    do {
      expressions.append(try CELProgram(source).expression)
    } catch {
      Issue.record("\(source): \(error)", sourceLocation: sourceLocation)
    }
  }
  return CELFieldUsage.ofVariables(in: expressions)
}

private func fields(_ fields: [String: CELFieldUsage], elements: CELFieldUsage? = nil) -> CELFieldUsage {
  CELFieldUsage(fields: fields, elements: elements)
}

/// A list or map that is iterated (or indexed by a computed key): any key, and `elements` of its elements.
private func iterated(_ elements: CELFieldUsage) -> CELFieldUsage {
  CELFieldUsage(readsAnyKey: true, elements: elements)
}
