/// The background of a smooth map that holds no spots (tone − melanin): in
/// windows on a coarse grid, a least-squares quadratic surface over the valid
/// pixels, blended bilinearly between the grid's nodes. A quadratic field (a
/// vignette's curvature) is followed exactly, also across holes left by spots,
/// where window medians sit on its convex side.
public struct QuadraticBackground: Sendable {
    private let fits: Fits

    /// Fits the background of `plane` (less `other`, sample by sample, when
    /// given: the difference is read only where the fit samples it, never
    /// made whole) over the pixels set in `valid`.
    /// - Parameters:
    ///   - window: side of each fitting window, in pixels; nodes are half a window apart.
    ///   - samplesPerSide: the fit reads about this many samples across a window.
    public init(fitting plane: Plane, less other: Plane? = nil, valid: Mask, window: Int, samplesPerSide: Int) {
        precondition(Self.sameSize(plane, other), "planes differ in size")
        fits = Fits(plane, less: other, valid: valid, window: window, samplesPerSide: samplesPerSide)
    }

    static func sameSize(_ plane: Plane, _ other: Plane?) -> Bool {
        other.map { $0.width == plane.width && $0.height == plane.height } ?? true
    }

    /// Sample `i` of `plane`, less that of `other` when given.
    @inline(__always)
    static func sample(_ plane: Plane, less other: Plane?, at i: Int) -> Float {
        other.map { plane.samples[i] - $0.samples[i] } ?? plane.samples[i]
    }

    /// The background at pixel (x, y).
    public func value(x: Int, y: Int) -> Double { fits.value(x: x, y: y) }

    /// The sums over each region (pixel indices) of `plane` (less `other`,
    /// sample by sample, when given) less the background.
    public func excessSums(of plane: Plane, less other: Plane? = nil, over regions: [[Int]]) -> [Double] {
        precondition(Self.sameSize(plane, other), "planes differ in size")
        return regions.map { pixels in
            pixels.reduce(0.0) { sum, i in
                sum + Double(Self.sample(plane, less: other, at: i)) - fits.value(x: i % plane.width, y: i / plane.width)
            }
        }
    }

    /// `plane` less the background at the pixels set in `mask` on the lattice
    /// of every `spacing`-th row and column, in row order.
    public func excess(of plane: Plane, where mask: Mask, spacing: Int) -> [Float] {
        precondition(plane.width == mask.width && plane.height == mask.height, "mask size differs from the plane's")
        let step = max(1, spacing)
        var out: [Float] = []
        for y in stride(from: 0, to: plane.height, by: step) {
            // Each node column's blend down the row, made once for the whole row.
            let row = fits.rowPosition(y)
            let columns = (0..<fits.columns).map { fits.column($0, at: row) }
            for x in stride(from: 0, to: plane.width, by: step) where mask[x, y] {
                out.append(Float(Double(plane[x, y]) - fits.value(x: x, columns: { columns[$0] })))
            }
        }
        return out
    }

    /// One quadratic per node (none where too few valid pixels), in
    /// coordinates scaled to ±1 across the window.
    private struct Fits {
        /// Nodes are `step` (half a window) apart; each window reaches the neighbouring nodes.
        let step: Int, columns: Int, rows: Int
        /// Six coefficients per node, in row order; `fitted` says which nodes have them.
        let coefficients: [Double]
        let fitted: [Bool]
        /// What a pixel reads when none of its four nodes has a fit.
        let fallback: Double

        init(_ plane: Plane, less other: Plane?, valid: Mask, window: Int, samplesPerSide: Int) {
            let (w, h) = (plane.width, plane.height)
            step = max(2, window / 2)
            columns = (w - 1) / step + 2
            rows = (h - 1) / step + 2
            let stride = max(1, window / samplesPerSide)
            let minimum = max(12, (window / stride) * (window / stride) / 8)
            var fits = [Double](repeating: 0, count: 6 * columns * rows), fitted = [Bool](repeating: false, count: columns * rows)
            var total = 0.0, totalCount = 0
            for j in 0..<rows {
                for i in 0..<columns {
                    let cx = i * step, cy = j * step
                    var normal = [Double](repeating: 0, count: 36), rhs = [Double](repeating: 0, count: 6)
                    var count = 0
                    var y = max(0, cy - step)
                    while y <= min(h - 1, cy + step) {
                        var x = max(0, cx - step)
                        let v = Double(y - cy) / Double(step)
                        while x <= min(w - 1, cx + step) {
                            let index = y * w + x
                            if valid.bits[index] {
                                let u = Double(x - cx) / Double(step)
                                let basis = SIMD8<Double>(1, u, v, u * u, u * v, v * v, 0, 0)
                                let value = Double(QuadraticBackground.sample(plane, less: other, at: index))
                                for r in 0..<6 {
                                    rhs[r] += basis[r] * value
                                    for c in r..<6 { normal[r * 6 + c] += basis[r] * basis[c] }
                                }
                                total += value
                                totalCount += 1
                                count += 1
                            }
                            x += stride
                        }
                        y += stride
                    }
                    guard count >= minimum else { continue }
                    for r in 0..<6 { for c in 0..<r { normal[r * 6 + c] = normal[c * 6 + r] } }
                    guard let solution = LinearSolve.solve(normal, rhs, size: 6) else { continue }
                    let node = j * columns + i
                    for r in 0..<6 { fits[6 * node + r] = solution[r] }
                    fitted[node] = true
                }
            }
            coefficients = fits
            self.fitted = fitted
            fallback = totalCount > 0 ? total / Double(totalCount) : 0
        }

        /// Where row `y` lies between node rows: the upper one and the weight of the lower.
        func rowPosition(_ y: Int) -> (j0: Int, fy: Double) {
            let gy = Double(y) / Double(step)
            let j0 = min(Int(gy), rows - 2)
            return (j0, gy - Double(j0))
        }

        /// Node column `i`'s two quadratics around a row, blended by their
        /// weights down the column (`rowPosition`): a quadratic in u (the
        /// pixel's offset from the column in steps) and its total weight.
        func column(_ i: Int, at row: (j0: Int, fy: Double)) -> (p0: Double, p1: Double, p2: Double, weight: Double) {
            var column = (p0: 0.0, p1: 0.0, p2: 0.0, weight: 0.0)
            for dj in 0...1 {
                let wy = dj == 0 ? 1 - row.fy : row.fy, node = (row.j0 + dj) * columns + i
                guard wy > 0, fitted[node] else { continue }
                let c = 6 * node, v = row.fy - Double(dj)
                column.p0 += wy * (coefficients[c] + coefficients[c + 2] * v + coefficients[c + 5] * v * v)
                column.p1 += wy * (coefficients[c + 1] + coefficients[c + 4] * v)
                column.p2 += wy * coefficients[c + 3]
                column.weight += wy
            }
            return column
        }

        /// The background at `x` from the node columns around it, blended
        /// bilinearly over the nodes that have a fit; `columns` gives node
        /// column i's blend down the row (``column(_:at:)``).
        func value(x: Int, columns column: (Int) -> (p0: Double, p1: Double, p2: Double, weight: Double)) -> Double {
            let gx = Double(x) / Double(step)
            let i0 = min(Int(gx), columns - 2)
            let fx = gx - Double(i0)
            let left = column(i0), right = column(i0 + 1)
            let u0 = fx, u1 = fx - 1
            let sum = (1 - fx) * (left.p0 + left.p1 * u0 + left.p2 * u0 * u0) + fx * (right.p0 + right.p1 * u1 + right.p2 * u1 * u1)
            let weights = (1 - fx) * left.weight + fx * right.weight
            return weights > 0 ? sum / weights : fallback
        }

        /// The four surrounding nodes' quadratics at (x, y), weighted bilinearly
        /// over the nodes that have one.
        func value(x: Int, y: Int) -> Double {
            let row = rowPosition(y)
            return value(x: x, columns: { column($0, at: row) })
        }
    }
}
