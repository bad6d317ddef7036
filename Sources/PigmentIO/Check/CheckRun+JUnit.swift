/// JUnit XML: one test case per fixture and metric, one per fixture checked
/// against truth, and one per fixture-level problem (new, missing, changed,
/// unreadable, settings).
extension CheckRun {
    public var junit: String {
        var cases: [String] = []
        func testcase(_ fixture: String, _ name: String, failure: String?) {
            let head = "    <testcase classname=\"pigment.check.\(XML.escape(fixture))\" name=\"\(XML.escape(name))\""
            if let failure {
                cases.append(head + ">\n      <failure message=\"\(XML.escape(failure))\"/>\n    </testcase>")
            } else {
                cases.append(head + "/>")
            }
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
        let failures = cases.filter { $0.contains("<failure") }.count
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

/// XML attribute escaping.
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
