/// Small dense linear systems.
enum LinearSolve {
    /// Solves `m · x = v` (`m` row-major `size`×`size`) by Gaussian elimination
    /// with partial pivoting; `nil` when `m` is singular.
    static func solve(_ m: [Double], _ v: [Double], size n: Int) -> [Double]? {
        var a = m, b = v
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(col + 1, n) where abs(a[row * n + col]) > abs(a[pivot * n + col]) { pivot = row }
            guard abs(a[pivot * n + col]) > 1e-12 else { return nil }
            if pivot != col {
                for k in 0..<n { a.swapAt(col * n + k, pivot * n + k) }
                b.swapAt(col, pivot)
            }
            for row in (col + 1)..<max(col + 1, n) {
                let f = a[row * n + col] / a[col * n + col]
                if f == 0 { continue }
                for k in col..<n { a[row * n + k] -= f * a[col * n + k] }
                b[row] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = b[row]
            for k in (row + 1)..<max(row + 1, n) { s -= a[row * n + k] * x[k] }
            x[row] = s / a[row * n + row]
        }
        return x
    }
}
