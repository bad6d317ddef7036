import Foundation
import PigmentCore
import XCTest

final class LogarithmTests: XCTestCase {
    /// Over the densities' whole range (the floor of linear light, 1/4096,
    /// to well above white) and across powers of two and √½ mantissas.
    func testNaturalLogarithmIsWithinARelativeErrorOf1_2e7() {
        var worst = 0.0
        var value: Float = 1.0 / 4096
        var values: [Float] = []
        while value < 64 {
            values.append(value)
            value = value.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp
        }
        values += [1, 0.5, 2, Float(0.5).squareRoot(), Float(0.5).squareRoot().nextDown, Float(2).squareRoot()]
        for x in values {
            let exact = Foundation.log(Double(x)), ln = Logarithm.natural(x)
            let error = abs(Double(ln) - exact)
            XCTAssert(error <= 1.2e-7 * max(abs(exact), 1e-30), "ln \(x) = \(ln), not \(exact)")
            if exact != 0 { worst = max(worst, error / abs(exact)) }
        }
        XCTAssertEqual(Logarithm.natural(1), 0)
        print("largest relative error: \(worst)")
    }
}
