/// One test case of a check: a fixture's metric, its accuracy, or a
/// fixture-level problem.
struct CheckTestCase {
    var fixture: String
    var name: String
    var failure: String?
}

extension CheckRun {
    /// One case per fixture and metric, one per fixture checked against truth,
    /// and one per fixture-level problem (new, missing, changed, unreadable, settings).
    var testCases: [CheckTestCase] {
        var cases: [CheckTestCase] = []
        func testcase(_ fixture: String, _ name: String, failure: String?) {
            cases.append(CheckTestCase(fixture: fixture, name: name, failure: failure))
        }
        for e in evaluations {
            testcase(e.fixture, e.metric, failure: e.passed ? nil
                     : RegressionCheck.driftMessage(old: e.baseline, new: e.now, allowed: e.allowed))
        }
        for (fixture, broken) in accuracy.sorted(by: { $0.key < $1.key }) {
            testcase(fixture, "accuracy", failure: broken.isEmpty ? nil : broken.joined(separator: "; "))
        }
        for finding in findings where ![.drift, .accuracy].contains(finding.kind) {
            testcase(finding.fixture ?? "settings", finding.kind.rawValue, failure: finding.message)
        }
        return cases
    }

    /// JUnit XML of ``testCases``.
    public var junit: String {
        let cases = testCases.map { test in
            let head = "    <testcase classname=\"pigment.check.\(Markup.escape(test.fixture))\" name=\"\(Markup.escape(test.name))\""
            guard let failure = test.failure else { return head + "/>" }
            return head + ">\n      <failure message=\"\(Markup.escape(failure))\"/>\n    </testcase>"
        }
        let failures = testCases.filter { $0.failure != nil }.count
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="pigment check" tests="\(cases.count)" failures="\(failures)">
              <testsuite name="pigment check" tests="\(cases.count)" failures="\(failures)" errors="0">
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>

            """
    }
}
