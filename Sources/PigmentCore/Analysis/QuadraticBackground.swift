/// The background of a smooth map that holds no spots (tone − melanin): in
/// windows on a coarse grid, a least-squares quadratic surface over the valid
/// pixels, blended bilinearly between the grid's nodes. A quadratic field (a
/// vignette's curvature) is followed exactly, also across holes left by spots,
/// where window medians sit on its convex side.
public enum QuadraticBackground {
    /// The sums over each region (pixel indices) of `plane` less its
    /// background, the background fitted once for all of them.
    /// - Parameters:
    ///   - window: side of each fitting window, in pixels; nodes are half a window apart.
    ///   - samplesPerSide: the fit reads about this many samples across a window.
    public static func excessSums(of plane: Plane, valid: Mask, window: Int, samplesPerSide: Int,
                                  over regions: [[Int]]) -> [Double] {
        let fits = Fits(plane, valid: valid, window: window, samplesPerSide: samplesPerSide)
        return plane.samples.withUnsafeBufferPointer { values in
            regions.map { pixels in
                pixels.reduce(0.0) { sum, i in
                    sum + Double(values[i]) - fits.value(x: i % plane.width, y: i / plane.width)
                }
            }
        }
    }

    /// One quadratic per node (`nil` where too few valid pixels), in
    /// coordinates scaled to ±1 across the window.
    private struct Fits {
        /// Nodes are `step` (half a window) apart; each window reaches the neighbouring nodes.
        let step: Int, columns: Int, rows: Int
        let coefficients: [[Double]?]
        /// What a pixel reads when none of its four nodes has a fit.
        let fallback: Double

        init(_ plane: Plane, valid: Mask, window: Int, samplesPerSide: Int) {
            let (w, h) = (plane.width, plane.height)
            step = max(2, window / 2)
            columns = (w - 1) / step + 2
            rows = (h - 1) / step + 2
            let stride = max(1, window / samplesPerSide)
            let minimum = max(12, (window / stride) * (window / stride) / 8)
            var fits: [[Double]?] = []
            fits.reserveCapacity(columns * rows)
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
                                let value = Double(plane.samples[index])
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
                    guard count >= minimum else { fits.append(nil); continue }
                    for r in 0..<6 { for c in 0..<r { normal[r * 6 + c] = normal[c * 6 + r] } }
                    fits.append(LinearSolve.solve(normal, rhs, size: 6))
                }
            }
            coefficients = fits
            fallback = totalCount > 0 ? total / Double(totalCount) : 0
        }

        /// The four surrounding nodes' quadratics at (x, y), weighted bilinearly
        /// over the nodes that have one.
        func value(x: Int, y: Int) -> Double {
            let gx = Double(x) / Double(step), gy = Double(y) / Double(step)
            let i0 = min(Int(gx), columns - 2), j0 = min(Int(gy), rows - 2)
            let fx = gx - Double(i0), fy = gy - Double(j0)
            var sum = 0.0, weights = 0.0
            for dj in 0...1 {
                for di in 0...1 {
                    let i = i0 + di, j = j0 + dj
                    let wx = di == 0 ? 1 - fx : fx, wy = dj == 0 ? 1 - fy : fy
                    guard wx * wy > 0, let c = coefficients[j * columns + i] else { continue }
                    let u = Double(x - i * step) / Double(step), v = Double(y - j * step) / Double(step)
                    sum += wx * wy * (c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v + c[5] * v * v)
                    weights += wx * wy
                }
            }
            return weights > 0 ? sum / weights : fallback
        }
    }
}
