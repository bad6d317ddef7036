/// The large-scale skin tone around each pixel: medians over overlapping
/// windows on a coarse grid, interpolated bilinearly. Medians ignore spots that
/// cover less than half a window, and pixels already known to be spots can be
/// left out altogether.
public enum LocalBackground {
    /// Background of `plane` estimated from pixels set in `valid`.
    /// - Parameter window: side of the square window, in pixels.
    public static func estimate(_ plane: Plane, valid: Mask, window: Int) -> Plane {
        estimate(plane, valid: valid, window: window, samplesPerSide: samplesPerSide)
    }

    /// Samples per window side by default. The analysis smooths its maps first
    /// (σ = 0.3 % of the long side, 0.6 of the spacing of 32 samples across a
    /// window of 16 %), so the pixels between samples mostly repeat them
    /// (on phantoms they stay within 0.001 of every-pixel medians).
    public static let samplesPerSide = 32

    /// The same, from about `samplesPerSide`² samples per window (every pixel
    /// when it is at least `window`).
    public static func estimate(_ plane: Plane, valid: Mask, window: Int, samplesPerSide: Int) -> Plane {
        let (w, h) = (plane.width, plane.height)
        let grid = Grid(plane, valid: valid, window: window, samplesPerSide: samplesPerSide)
        let out = [Float](unsafeUninitializedCapacity: w * h) { out, count in
            grid.interpolate { i, background in out[i] = background }
            count = w * h
        }
        return Plane(width: w, height: h, samples: out)
    }

    /// `plane` less its background (``estimate(_:valid:window:)``), made in
    /// the same pass as the background, which is kept only when asked for.
    public static func excess(of plane: Plane, valid: Mask, window: Int,
                              keepingBackground: Bool) -> (background: Plane?, excess: Plane) {
        let (w, h) = (plane.width, plane.height)
        let grid = Grid(plane, valid: valid, window: window, samplesPerSide: samplesPerSide)
        var background: [Float] = []
        let excess = plane.samples.withUnsafeBufferPointer { values in
            [Float](unsafeUninitializedCapacity: w * h) { excess, count in
                if keepingBackground {
                    background = [Float](unsafeUninitializedCapacity: w * h) { kept, count in
                        grid.interpolate { i, b in kept[i] = b; excess[i] = values[i] - b }
                        count = w * h
                    }
                } else {
                    grid.interpolate { i, b in excess[i] = values[i] - b }
                }
                count = w * h
            }
        }
        return (keepingBackground ? Plane(width: w, height: h, samples: background) : nil, Plane(width: w, height: h, samples: excess))
    }

    /// Window medians on a coarse grid of nodes (every half window), gaps filled.
    private struct Grid {
        let width: Int, height: Int, step: Int, columns: Int, rows: Int
        let nodes: [Float]

        init(_ plane: Plane, valid: Mask, window: Int, samplesPerSide: Int) {
            let w = plane.width, h = plane.height
            let step = max(2, window / 2)
            let nodesX = (w - 1) / step + 2, nodesY = (h - 1) / step + 2
            // Sample each window on a sparse lattice: at most about
            // samplesPerSide² samples per median.
            let stride = max(1, window / samplesPerSide)
            let half = window / 2
            var nodes = [Float?](repeating: nil, count: nodesX * nodesY)
            let minimum = max(8, (window / stride) * (window / stride) / 8)
            // One buffer holds each window's samples; the median is selected in place.
            let perRow = min(w - 1, 2 * half) / stride + 1, perColumn = min(h - 1, 2 * half) / stride + 1
            var samples = [Float](repeating: 0, count: perRow * perColumn)
            plane.samples.withUnsafeBufferPointer { values in
                valid.bits.withUnsafeBufferPointer { bits in
                    samples.withUnsafeMutableBufferPointer { samples in
                        for j in 0..<nodesY {
                            for i in 0..<nodesX {
                                let cx = i * step, cy = j * step
                                var count = 0
                                var y = max(0, cy - half)
                                while y <= min(h - 1, cy + half) {
                                    var x = max(0, cx - half)
                                    let row = y * w
                                    while x <= min(w - 1, cx + half) {
                                        if bits[row + x] { samples[count] = values[row + x]; count += 1 }
                                        x += stride
                                    }
                                    y += stride
                                }
                                if count >= minimum {
                                    nodes[j * nodesX + i] = Statistics.median(inPlace: UnsafeMutableBufferPointer(rebasing: samples[..<count]))
                                }
                            }
                        }
                    }
                }
            }
            (width, height, self.step, columns, rows) = (w, h, step, nodesX, nodesY)
            self.nodes = LocalBackground.fillGaps(nodes, columns: nodesX, rows: nodesY)
        }

        /// Calls `body(i, background)` for every pixel index `i`, row by row:
        /// the nodes interpolated bilinearly.
        @inline(__always)
        func interpolate(_ body: (Int, Float) -> Void) {
            let (w, h) = (width, height)
            // Weight of each column within its grid cell (the same for every row),
            // and the runs of columns that share a cell, so that the inner loop reads
            // the four nodes once per run and the weights contiguously.
            var weights: [Float] = []
            weights.reserveCapacity(w)
            var runs: [(cell: Int, start: Int, end: Int)] = []
            for x in 0..<w {
                let gx = Float(x) / Float(step)
                let cell = min(Int(gx), columns - 2)
                weights.append(gx - Float(cell))
                if let last = runs.last, last.cell == cell { runs[runs.count - 1].end = x + 1 } else { runs.append((cell, x, x + 1)) }
            }
            nodes.withUnsafeBufferPointer { filled in
                weights.withUnsafeBufferPointer { weights in
                    for y in 0..<h {
                        let gy = Float(y) / Float(step)
                        let j0 = min(Int(gy), rows - 2)
                        let fy = gy - Float(j0)
                        let top = j0 * columns, bottom = (j0 + 1) * columns, row = y * w
                        for run in runs {
                            let a = filled[top + run.cell], b = filled[top + run.cell + 1]
                            let c = filled[bottom + run.cell], d = filled[bottom + run.cell + 1]
                            // Index sums without overflow checks: a loop the compiler vectorises.
                            for x in run.start..<run.end {
                                let fx = weights[x]
                                body(row &+ x, (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Fills nodes without enough valid pixels from their filled neighbours,
    /// growing inwards ring by ring; all-empty grids become zero.
    static func fillGaps(_ nodes: [Float?], columns: Int, rows: Int) -> [Float] {
        var current = nodes
        while current.contains(where: { $0 == nil }) {
            guard current.contains(where: { $0 != nil }) else { return [Float](repeating: 0, count: nodes.count) }
            var next = current
            for j in 0..<rows {
                for i in 0..<columns where current[j * columns + i] == nil {
                    var sum: Float = 0, count: Float = 0
                    for dj in -1...1 {
                        for di in -1...1 {
                            let ii = i + di, jj = j + dj
                            guard ii >= 0, jj >= 0, ii < columns, jj < rows, let v = current[jj * columns + ii] else { continue }
                            sum += v
                            count += 1
                        }
                    }
                    if count > 0 { next[j * columns + i] = sum / count }
                }
            }
            current = next
        }
        return current.map { $0! }
    }
}
