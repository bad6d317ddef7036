/// Finds spots in maps of melanin and darkness excess over the local background.
///
/// A pixel's *confirmed excess* is the smaller of its melanin excess and its
/// darkness excess plus an allowance, read in the polarity's direction: a spot
/// must be darker (or lighter) in brightness as well as in colour, as melanin
/// always is.
/// A candidate is a 4-connected region of `seedable` pixels where the confirmed
/// excess exceeds `threshold` and that has at least `minimumArea` pixels. Its
/// core excess is the median confirmed excess over its inner half (by distance
/// from its edge), and its extent is everything connected to it whose confirmed
/// excess is at least half that core (the half-maximum rule): a spot that fades
/// evenly keeps its extent and loses only contrast. Darker cores claim pixels
/// first, so neighbouring spots are not counted twice. The ROI's edge band (the
/// ROI less `seedable`), whose colour is mixed with what lies outside, is
/// entered only from the spot's own seedable pixels and at most `bandReach`
/// steps deep: a spot reaches the edge but cannot run along it.
public enum SpotDetector {
    /// Which way a spot departs from its surroundings.
    public enum Polarity: Sendable {
        /// More melanin than the surrounding skin (hyperpigmentation).
        case darker
        /// Less melanin than the surrounding skin (hypopigmentation).
        case lighter

        var sign: Float { self == .darker ? 1 : -1 }
    }

    /// - Parameters:
    ///   - excess: melanin excess over the local background.
    ///   - darkness: darkness excess over its own local background (same size).
    ///   - allowance: how far darkness may fall short of melanin and still confirm it.
    ///   - roi: pixels a spot's extent may cover.
    ///   - seedable: pixels a candidate may be made of (the ROI less its edge band).
    ///   - bandReach: how many 4-connected steps an extent may go into the edge band.
    public static func detect(excess: Plane, darkness: Plane, allowance: Float, roi: Mask, seedable: Mask, bandReach: Int,
                              threshold: Float, minimumArea: Int, polarity: Polarity) -> SpotMap {
        SpotMap(width: excess.width, height: excess.height,
                regions: regions(excess: excess, darkness: darkness, allowance: allowance, roi: roi, seedable: seedable,
                                 bandReach: bandReach, threshold: threshold, minimumArea: minimumArea, polarity: polarity))
    }

    /// The spots ``detect(excess:darkness:allowance:roi:seedable:bandReach:threshold:minimumArea:polarity:)``
    /// finds, each with the pixels of its extent (no pixel in two extents).
    static func regions(excess: Plane, darkness: Plane, allowance: Float, roi: Mask, seedable: Mask, bandReach: Int,
                        threshold: Float, minimumArea: Int, polarity: Polarity) -> [(spot: Spot, pixels: [Int])] {
        let w = excess.width, h = excess.height, n = w * h
        let sign = polarity.sign
        // Confirmed excess in the polarity's direction, read in place (no copy).
        let values = SignedValues(samples: excess.samples, support: darkness.samples, allowance: allowance, sign: sign)
        var label = [Int32](repeating: -1, count: n)
        var candidates: [(core: Float, pixels: [Int])] = []
        var stack: [Int] = []
        var nextID: Int32 = 0
        for start in values.seeds(in: seedable, above: threshold) where label[start] < 0 {
            let id = nextID
            nextID += 1
            var pixels: [Int] = []
            label[start] = id
            stack.append(start)
            while let p = stack.popLast() {
                pixels.append(p)
                forEachNeighbour(of: p, width: w, height: h) { q in
                    if label[q] < 0 && seedable.bits[q] && values[q] > threshold {
                        label[q] = id
                        stack.append(q)
                    }
                }
            }
            // Too small to be a spot: no core needed.
            guard pixels.count >= minimumArea else { continue }
            candidates.append((coreExcess(of: pixels, label: label, id: id, values: values, width: w, height: h), pixels))
        }

        var claimed = [Bool](repeating: false, count: n)
        var spots: [(spot: Spot, pixels: [Int])] = []
        for candidate in candidates.sorted(by: { $0.core > $1.core }) {
            let half = candidate.core / 2
            var region: [Int] = []
            for p in candidate.pixels where !claimed[p] && values[p] >= half {
                claimed[p] = true
                stack.append(p)
            }
            while let p = stack.popLast() {
                region.append(p)
                forEachNeighbour(of: p, width: w, height: h) { q in
                    if !claimed[q] && seedable.bits[q] && values[q] >= half {
                        claimed[q] = true
                        stack.append(q)
                    }
                }
            }
            // Into the edge band, breadth first, a limited number of steps.
            var frontier = region, next: [Int] = []
            for _ in 0..<bandReach where !frontier.isEmpty {
                for p in frontier {
                    forEachNeighbour(of: p, width: w, height: h) { q in
                        if !claimed[q] && roi.bits[q] && !seedable.bits[q] && values[q] >= half {
                            claimed[q] = true
                            next.append(q)
                        }
                    }
                }
                region += next
                swap(&frontier, &next)
                next.removeAll(keepingCapacity: true)
            }
            guard region.count >= minimumArea else {
                for p in region { claimed[p] = false }
                continue
            }
            var sx = 0.0, sy = 0.0
            for p in region { sx += Double(p % w); sy += Double(p / w) }
            spots.append((Spot(area: region.count, core: candidate.core,
                               centerX: sx / Double(region.count), centerY: sy / Double(region.count)), region))
        }
        return spots
    }

    /// Median value over the pixels of a region that lie at least half its
    /// largest 4-connected distance from the region's edge.
    static func coreExcess(of pixels: [Int], label: [Int32], id: Int32, values: SignedValues,
                           width: Int, height: Int) -> Float {
        // Distances live in the region's bounding box (−1: not reached yet).
        var x0 = width, y0 = height, x1 = 0, y1 = 0
        for p in pixels {
            let x = p % width, y = p / width
            x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
        }
        let boxWidth = x1 - x0 + 1
        var distance = [Int32](repeating: -1, count: boxWidth * (y1 - y0 + 1))
        @inline(__always) func slot(_ p: Int) -> Int { (p / width - y0) * boxWidth + p % width - x0 }
        var frontier: [Int] = []
        for p in pixels {
            var onEdge = false
            let x = p % width, y = p / width
            if x == 0 || y == 0 || x == width - 1 || y == height - 1 { onEdge = true }
            forEachNeighbour(of: p, width: width, height: height) { q in if label[q] != id { onEdge = true } }
            if onEdge { distance[slot(p)] = 0; frontier.append(p) }
        }
        var depth: Int32 = 0
        var next: [Int] = []
        while !frontier.isEmpty {
            depth += 1
            next.removeAll(keepingCapacity: true)
            for p in frontier {
                forEachNeighbour(of: p, width: width, height: height) { q in
                    if label[q] == id && distance[slot(q)] < 0 { distance[slot(q)] = depth; next.append(q) }
                }
            }
            if next.isEmpty { depth -= 1 }
            swap(&frontier, &next)
        }
        var inner: [Float] = []
        for p in pixels where 2 * max(distance[slot(p)], 0) >= depth { inner.append(values[p]) }
        return Statistics.median(inner) ?? 0
    }

    /// Excess in the polarity's direction that the darkness excess confirms:
    /// the smaller of the melanin excess and the darkness excess plus the
    /// allowance, each read with the sign (±1, so exactly).
    struct SignedValues {
        let samples: [Float]
        let support: [Float]
        let allowance: Float
        let sign: Float

        @inline(__always)
        subscript(_ i: Int) -> Float { min(samples[i] * sign, support[i] * sign + allowance) }

        /// The pixels of `mask` whose value exceeds `threshold`, in order. Each
        /// run of 64 pixels is first checked as a whole, in a loop the compiler
        /// vectorises (`b < a ? b : a` is `min(a, b)`); spots cover a few percent
        /// of a photo, so most runs hold none.
        func seeds(in mask: Mask, above threshold: Float) -> [Int] {
            var found: [Int] = []
            samples.withUnsafeBufferPointer { samples in
                support.withUnsafeBufferPointer { support in
                    mask.bits.withUnsafeBytes { bits in
                        for start in stride(from: 0, to: samples.count, by: 64) {
                            let end = min(samples.count, start + 64)
                            var any: UInt8 = 0
                            for i in start..<end {
                                let a = samples[i] * sign, b = support[i] * sign + allowance
                                any |= bits[i] & ((b < a ? b : a) > threshold ? 1 : 0)
                            }
                            guard any != 0 else { continue }
                            for i in start..<end where bits[i] != 0 && self[i] > threshold { found.append(i) }
                        }
                    }
                }
            }
            return found
        }
    }

    @inline(__always)
    static func forEachNeighbour(of p: Int, width: Int, height: Int, _ body: (Int) -> Void) {
        let x = p % width, y = p / width
        if x > 0 { body(p - 1) }
        if x < width - 1 { body(p + 1) }
        if y > 0 { body(p - width) }
        if y < height - 1 { body(p + width) }
    }
}
