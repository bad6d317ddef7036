import PigmentCore

/// Averages `factor`×`factor` blocks of interleaved linear-light samples into
/// planes, or takes each block's centre pixel, one input row at a time, so no
/// full-size planes are ever held. Rows and columns past the last whole block
/// are dropped. A class, so that its planes are changed in place row after
/// row, never copied.
final class BlockAverager {
    let channels: Int
    let factor: Int
    let width: Int
    let height: Int
    /// Only each block's centre pixel is read (rows and columns `factor / 2`
    /// into the block): no average.
    let centreOnly: Bool
    private var sums: [[Float]]

    init(width: Int, height: Int, channels: Int, factor: Int, centreOnly: Bool = false) {
        self.channels = channels
        self.factor = max(1, factor)
        self.centreOnly = centreOnly
        self.width = width / self.factor
        self.height = height / self.factor
        // One array per channel (`Array(repeating:count:)` would share one, copied on first write).
        let count = self.width * self.height
        sums = (0..<channels).map { _ in [Float](repeating: 0, count: count) }
    }

    /// Adds input row `y`: the input's width in pixels of `channels`
    /// interleaved samples, each turned into linear light by `value(sample, channel)`.
    @inline(__always)
    func add<Sample>(row: UnsafePointer<Sample>, y: Int, value: (Sample, Int) -> Float) {
        let outY = y / factor
        guard outY < height, !centreOnly || y % factor == factor / 2 else { return }
        let (f, c, w) = (factor, channels, width)
        sums.withUnsafeMutableBufferPointer { planes in
            for p in 0..<c {
                planes[p].withUnsafeMutableBufferPointer { sums in
                    let out = sums.baseAddress! + outY * w
                    if f == 1 {
                        // Each pixel arrives once: stored, not added to the zero already there.
                        for x in 0..<w { out[x] = value(row[x &* c &+ p], p) }
                    } else if centreOnly {
                        for x in 0..<w { out[x] = value(row[(x * f + f / 2) * c + p], p) }
                    } else {
                        for x in 0..<w {
                            var total: Float = 0
                            for j in 0..<f { total += value(row[(x * f + j) * c + p], p) }
                            out[x] += total
                        }
                    }
                }
            }
        }
    }

    /// The averaged planes, one per channel; the averager is left empty.
    func takePlanes() -> [Plane] {
        let norm = 1 / Float(factor * factor)
        return sums.indices.map { p in
            var samples: [Float] = []
            swap(&samples, &sums[p])
            if factor > 1 && !centreOnly { for i in samples.indices { samples[i] *= norm } }
            return Plane(width: width, height: height, samples: samples)
        }
    }
}
