import Foundation

/// Finds the geometric map from the before photo's pixels to the after
/// photo's pixels, coarse to fine, on the photos' structure signal.
///
/// 1. Both photos are area-averaged to at most ``workingSide`` pixels and
///    turned into a band-passed structure signal (``StructureSignal``).
/// 2. On the coarsest pyramid level (long side 32–64 px) a search over
///    rotation (±15°), scale (0.85–1.15 around the ratio of the photos' pixel
///    counts) and shift (±18 % of the frame, every second pixel, then the best
///    one's neighbours) maximises normalised correlation.
/// 3. Each finer level refines the map by Gauss–Newton (Lucas–Kanade with a
///    gain and offset), to sub-pixel accuracy on the working level. The affine
///    model's extra parameters are only fitted on levels of 256 px or more.
public struct Registration: Sendable {
    public let model: AlignmentModel
    let signal: StructureSignal
    /// Threads for the parts that split without changing a result (the coarse
    /// search's candidates, the pyramid's levels).
    public let threads: Int

    /// Long side, in pixels, of the finest level aligned.
    public static let workingSide = 1024
    /// Long side of the level that alignment quality is measured on.
    static let qualitySide = 256
    /// Band-pass scale on every level, pixels.
    static let bandSigma = 3.0
    /// Row bands whose Gauss–Newton sums are made apart (on up to `threads` threads).
    static let refineBands = 4
    /// Search ranges of the coarse step.
    static let rotations = stride(from: -15.0, through: 15.0, by: 3.0).map { $0 }
    static let scales = stride(from: 0.85, through: 1.1501, by: 0.06).map { $0 }
    static let shiftFraction = 0.18

    /// `nil` when the vectors cannot separate hemoglobin from the rest.
    public init?(model: AlignmentModel = .similarity, vectors: AbsorptionVectors = .standard, threads: Int = 1) {
        guard let signal = StructureSignal(vectors: vectors) else { return nil }
        self.model = model
        self.signal = signal
        self.threads = max(1, threads)
    }

    /// The map from `before` pixels to `after` pixels and how well the photos
    /// agree under it, or `nil` when no consistent map was found.
    public func register(before: LinearImage, after: LinearImage) -> RegistrationResult? {
        register(before: pyramid(of: before), after: pyramid(of: after))
    }

    /// The same from photos already prepared by ``pyramid(of:)``.
    public func register(before: StructurePyramid, after: StructurePyramid) -> RegistrationResult? {
        let beforeFactor = before.factor, afterFactor = after.factor
        let beforeLevels = before.levels, afterLevels = after.levels
        let levels = min(beforeLevels.count, afterLevels.count)
        guard levels > 0 else { return nil }
        let top = levels - 1
        // Prior: the same field of view, so pixel counts give the scale.
        let fullScale = (Double(after.width * after.height) / Double(before.width * before.height)).squareRoot()
        let topScale = fullScale * Double(beforeFactor) / Double(afterFactor)
        var transform = coarseSearch(before: beforeLevels[top], after: afterLevels[top], priorScale: topScale)
        for level in stride(from: top, through: 0, by: -1) {
            if level != top { transform = transform.rescaled(input: 0.5, output: 2) }
            // Affine's extra freedom is only trusted where there are enough pixels.
            let fine = level == 0 || max(beforeLevels[level].width, beforeLevels[level].height) >= Self.qualitySide
            guard let refined = refine(before: beforeLevels[level], after: afterLevels[level], start: transform,
                                       model: fine ? model : .similarity,
                                       iterations: level == top ? 30 : 12, working: level == 0) else { return nil }
            transform = refined
        }
        let quality = Self.quality(before: before.qualityLevel, after: after.qualityLevel,
                                   transform: transform.rescaled(input: before.qualityScale, output: 1 / after.qualityScale))
        let full = transform.rescaled(input: 1 / Double(beforeFactor), output: Double(afterFactor))
        let relativeScale = full.scale / fullScale
        guard full.determinant > 0, relativeScale > 0.7, relativeScale < 1.4 else { return nil }
        return RegistrationResult(transform: full, quality: quality)
    }

    /// Integer binning that brings the long side to at most ``workingSide``.
    static func binning(_ image: LinearImage) -> Int {
        max(1, Int((Double(max(image.width, image.height)) / Double(workingSide)).rounded(.up)))
    }

    /// Band-passed structure signal at the working level and each half-size
    /// level down to a long side under 64 px (finest first).
    public func pyramid(of image: LinearImage) -> StructurePyramid {
        let factor = Self.binning(image)
        let binned = factor > 1 ? image.mapPlanes { Resample.binned($0, by: factor) } : image
        return pyramid(signal: signal.plane(of: binned), factor: factor, width: image.width, height: image.height)
    }

    /// The pyramid of a `width`×`height` photo from its structure signal binned by `factor`.
    func pyramid(signal working: Plane, factor: Int, width: Int, height: Int) -> StructurePyramid {
        var raw = [working]
        while let last = raw.last, max(last.width, last.height) >= 64, min(last.width, last.height) >= 16 {
            raw.append(Resample.binned(last, by: 2))
        }
        // Quality is read at one scale of the photo whatever its size: the
        // smallest level of at least `qualitySide` px, averaged down to exactly
        // that long side (a level of 500 px has four times the noise variance
        // of one of 256 and band-passes finer texture).
        let q = raw.indices.last { max(raw[$0].width, raw[$0].height) >= Self.qualitySide } ?? 0
        let reduction = Double(max(raw[q].width, raw[q].height)) / Double(Self.qualitySide)
        let qualityRaw = reduction > 1 ? Resample.areaAveraged(raw[q], by: reduction) : raw[q]
        let planes = ParallelWork.map(raw + [qualityRaw], threads: threads) { StructureSignal.bandPassed($0, sigma: Self.bandSigma) }
        return StructurePyramid(levels: Array(planes.dropLast()), qualityLevel: planes.last!,
                                qualityScale: Double(1 << q) * max(1, reduction), factor: factor, width: width, height: height)
    }

    /// Search of rotation, scale and integer shift on the coarsest level.
    func coarseSearch(before b: Plane, after a: Plane, priorScale: Double) -> AffineTransform {
        let margin = Int((Self.shiftFraction * Double(max(b.width, b.height))).rounded(.up))
        let ew = b.width + 2 * margin, eh = b.height + 2 * margin
        let centre = (x: Double(b.width) / 2, y: Double(b.height) / 2)
        let target = (x: Double(a.width) / 2, y: Double(a.height) / 2)
        let squares = b.samples.map { $0 * $0 }
        let candidates = Self.rotations.flatMap { degrees in Self.scales.map { (degrees, $0) } }
        // Each rotation and scale on its own; the first best in this order wins, as one thread would find.
        let bests = ParallelWork.map(candidates, threads: threads) { degrees, scale in
            var best = (score: -Double.infinity, transform: AffineTransform.identity)
            var warped = [Float](repeating: 0, count: ew * eh)
            var valid = [Float](repeating: 0, count: ew * eh)
            let t = AffineTransform.similarity(scale: priorScale * scale, degrees: degrees, centre: centre, target: target)
            a.samples.withUnsafeBufferPointer { src in
                for y in 0..<eh {
                    for x in 0..<ew {
                        let p = t.apply(x: Double(x - margin) + 0.5, y: Double(y - margin) + 0.5)
                        let v = Resample.bilinear(src, width: a.width, height: a.height, x: p.x, y: p.y)
                        warped[y * ew + x] = v ?? 0
                        valid[y * ew + x] = v == nil ? 0 : 1
                    }
                }
            }
            // Shifts on a grid of every second pixel (the band-passed signal's
            // correlation peak is wider than that), then the eight around the best.
            var bestShift = (dx: 0, dy: 0)
            func consider(_ dx: Int, _ dy: Int) {
                let score = Self.correlation(b, squares: squares, warped, valid, stride: ew,
                                             offsetX: margin - dx, offsetY: margin - dy)
                if score > best.score {
                    let shift = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: -Double(dx), ty: -Double(dy))
                    best = (score, shift.followed(by: t))
                    bestShift = (dx, dy)
                }
            }
            for dy in stride(from: -margin, through: margin, by: 2) {
                for dx in stride(from: -margin, through: margin, by: 2) { consider(dx, dy) }
            }
            let centre = bestShift
            for dy in max(-margin, centre.dy - 1)...min(margin, centre.dy + 1) {
                for dx in max(-margin, centre.dx - 1)...min(margin, centre.dx + 1) where (dx, dy) != centre { consider(dx, dy) }
            }
            return best
        }
        var best = (score: -Double.infinity, transform: AffineTransform.identity)
        for candidate in bests where candidate.score > best.score { best = candidate }
        return best.transform
    }

    /// Normalised correlation of `b` with the window of `w` starting at the
    /// offset, over pixels where `w` is valid (`valid` 1, else 0; `w` is 0
    /// where it is not valid), if that is at least half of the pixels read.
    /// `squares` holds `b`'s samples squared. Every second row is read (the
    /// band-passed signal is smooth over its 3-px scale, so a row mostly
    /// repeats its neighbour; the candidates are only ranked here, and the
    /// finer levels refine the best), eight pixels at a time, summed in single
    /// precision (a coarsest level has a few thousand pixels).
    static func correlation(_ b: Plane, squares: [Float], _ w: [Float], _ valid: [Float], stride ew: Int,
                            offsetX: Int, offsetY: Int) -> Double {
        var sums = (n: SIMD8<Float>(), b: SIMD8<Float>(), w: SIMD8<Float>(), bb: SIMD8<Float>(), ww: SIMD8<Float>(),
                    bw: SIMD8<Float>())
        var tails = (n: Float(0), b: Float(0), w: Float(0), bb: Float(0), ww: Float(0), bw: Float(0))
        b.samples.withUnsafeBufferPointer { bp in
            squares.withUnsafeBufferPointer { qp in
                w.withUnsafeBufferPointer { wp in
                    valid.withUnsafeBufferPointer { vp in
                        let (bBase, qBase) = (UnsafeRawPointer(bp.baseAddress!), UnsafeRawPointer(qp.baseAddress!))
                        let (wBase, vBase) = (UnsafeRawPointer(wp.baseAddress!), UnsafeRawPointer(vp.baseAddress!))
                        let whole = b.width / 8 * 8
                        for y in stride(from: 0, to: b.height, by: 2) {
                            let bRow = y * b.width, wRow = (y + offsetY) * ew + offsetX
                            for x in stride(from: 0, to: whole, by: 8) {
                                let bv = bBase.loadUnaligned(fromByteOffset: 4 * (bRow + x), as: SIMD8<Float>.self)
                                let qv = qBase.loadUnaligned(fromByteOffset: 4 * (bRow + x), as: SIMD8<Float>.self)
                                let wv = wBase.loadUnaligned(fromByteOffset: 4 * (wRow + x), as: SIMD8<Float>.self)
                                let vv = vBase.loadUnaligned(fromByteOffset: 4 * (wRow + x), as: SIMD8<Float>.self)
                                sums.n += vv; sums.b += bv * vv; sums.w += wv
                                sums.bb += qv * vv; sums.ww += wv * wv; sums.bw += bv * wv
                            }
                            for x in whole..<b.width {
                                let bv = bp[bRow + x], qv = qp[bRow + x], wv = wp[wRow + x], vv = vp[wRow + x]
                                tails.n += vv; tails.b += bv * vv; tails.w += wv
                                tails.bb += qv * vv; tails.ww += wv * wv; tails.bw += bv * wv
                            }
                        }
                    }
                }
            }
        }
        func total(_ lanes: SIMD8<Float>, _ tail: Float) -> Double { Double(lanes.sum()) + Double(tail) }
        let n = total(sums.n, tails.n), sb = total(sums.b, tails.b), sw = total(sums.w, tails.w)
        let sbb = total(sums.bb, tails.bb), sww = total(sums.ww, tails.ww), sbw = total(sums.bw, tails.bw)
        guard n * 2 >= Double((b.height + 1) / 2 * b.width) else { return -.infinity }
        let cov = sbw - sb * sw / n, vb = sbb - sb * sb / n, vw = sww - sw * sw / n
        guard vb > 0, vw > 0 else { return -.infinity }
        return cov / (vb * vw).squareRoot()
    }

    /// Gauss–Newton refinement of `start` on one level; `nil` if it breaks down.
    /// On the `working` level about 60 000 pixels are sampled, on a lattice
    /// whose step is rounded down; on coarser levels, which only start the
    /// next one off, the step is rounded to nearest (a level of 210 000 pixels
    /// samples a quarter of them, not all).
    func refine(before b: Plane, after a: Plane, start: AffineTransform, model: AlignmentModel,
                iterations: Int, working: Bool = true) -> AffineTransform? {
        let gradient = Self.gradients(a)
        let cx = Double(b.width) / 2, cy = Double(b.height) / 2
        // Parameters relative to the before frame's centre, for conditioning.
        var p: [Double]
        let shiftX = start.a * cx + start.b * cy + start.tx, shiftY = start.c * cx + start.d * cy + start.ty
        switch model {
        case .similarity: p = [(start.a + start.d) / 2, (start.c - start.b) / 2, shiftX, shiftY]
        case .affine: p = [start.a, start.b, start.c, start.d, shiftX, shiftY]
        }
        let k = model.parameterCount, n = k + 2  // at most 8: one SIMD8 row each
        var gain = 1.0, offset = 0.0
        let spacing = (Double(b.count) / 60_000).squareRoot()
        let step = max(1, Int(working ? spacing : spacing.rounded()))
        func linear(_ p: [Double]) -> (Double, Double, Double, Double) {
            model == .similarity ? (p[0], -p[1], p[1], p[0]) : (p[0], p[1], p[2], p[3])
        }
        // The sampled rows in a fixed number of bands, whose sums are added in
        // order: the same result on any number of threads.
        let rows = Array(stride(from: 0, to: b.height, by: step))
        let bandCount = min(Self.refineBands, rows.count)
        let bands = (0..<bandCount).map { rows[rows.count * $0 / bandCount..<rows.count * ($0 + 1) / bandCount] }
        for _ in 0..<iterations {
            let (la, lb, lc, ld) = linear(p)
            let tx = p[k - 2], ty = p[k - 1]
            let (currentGain, currentOffset) = (gain, offset)
            // Per band: the normal equations' rows (n × n; the upper triangle
            // is read), right-hand side (n) and samples used. Each element is
            // summed sample by sample, as one scalar loop would.
            let sums = ParallelWork.map(bands, threads: threads) { band -> (rows: [SIMD8<Double>], rhs: SIMD8<Double>, used: Int) in
                var rows = [SIMD8<Double>](repeating: .zero, count: n)
                var rhs = SIMD8<Double>.zero, used = 0
                rows.withUnsafeMutableBufferPointer { rows in
                    a.samples.withUnsafeBufferPointer { av in
                        gradient.x.samples.withUnsafeBufferPointer { gxv in
                            gradient.y.samples.withUnsafeBufferPointer { gyv in
                                b.samples.withUnsafeBufferPointer { bv in
                                    for y in band {
                                        let yy = Double(y) + 0.5 - cy
                                        for x in stride(from: 0, to: b.width, by: step) {
                                            let xx = Double(x) + 0.5 - cx
                                            let wx = la * xx + lb * yy + tx, wy = lc * xx + ld * yy + ty
                                            guard let (value, gx, gy) = Resample.bilinear(av, gxv, gyv, width: a.width,
                                                                                          height: a.height, x: wx, y: wy)
                                            else { continue }
                                            let before = Double(bv[y * b.width + x])
                                            let r = Double(value) - currentGain * before - currentOffset
                                            let dx = Double(gx), dy = Double(gy)
                                            // Made whole, in registers: lanes written one by one at
                                            // run-time indices went through memory and stalled its reload.
                                            let j = model == .similarity
                                                ? SIMD8<Double>(dx * xx + dy * yy, -dx * yy + dy * xx, dx, dy, -before, -1, 0, 0)
                                                : SIMD8<Double>(dx * xx, dx * yy, dy * xx, dy * yy, dx, dy, -before, -1)
                                            rhs += j * r
                                            for r0 in 0..<n { rows[r0] += j * j[r0] }
                                            used += 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                return (rows, rhs, used)
            }
            var h = [Double](repeating: 0, count: n * n), g = [Double](repeating: 0, count: n), used = 0
            for band in sums {
                for r0 in 0..<n { for c0 in 0..<n { h[r0 * n + c0] += band.rows[r0][c0] } }
                for i in 0..<n { g[i] += band.rhs[i] }
                used += band.used
            }
            guard used * step * step * 4 >= b.count else { return nil }
            for r0 in 0..<n { for c0 in 0..<r0 { h[r0 * n + c0] = h[c0 * n + r0] } }
            guard let delta = LinearSolve.solve(h, g.map { -$0 }, size: n) else { return nil }
            for i in 0..<k { p[i] += delta[i] }
            gain += delta[k]; offset += delta[k + 1]
            guard p.allSatisfy(\.isFinite) else { return nil }
            // Largest displacement the update caused at the frame's corners.
            let moved = max(abs(delta[k - 2]), abs(delta[k - 1]))
                + (0..<(k - 2)).map { abs(delta[$0]) }.reduce(0, max) * (cx + cy)
            if moved < 0.005 { break }
        }
        let (la, lb, lc, ld) = linear(p)
        return AffineTransform(a: la, b: lb, c: lc, d: ld,
                               tx: p[k - 2] - (la * cx + lb * cy), ty: p[k - 1] - (lc * cx + ld * cy))
    }

    /// Central-difference gradients of a plane (per pixel; one-sided on the border).
    static func gradients(_ plane: Plane) -> (x: Plane, y: Plane) {
        let w = plane.width, h = plane.height
        let across = Float(min(1, w - 1))
        let gx = [Float](unsafeUninitializedCapacity: w * h) { gx, count in
            plane.samples.withUnsafeBufferPointer { s in
                for y in 0..<h {
                    let row = y * w
                    for x in 1..<max(1, w - 1) { gx[row + x] = (s[row + x + 1] - s[row + x - 1]) / 2 }
                    // The first and last columns (one and the same when w is 1).
                    gx[row] = (s[row + min(1, w - 1)] - s[row]) / across
                    if w > 1 { gx[row + w - 1] = (s[row + w - 1] - s[row + w - 2]) / across }
                }
            }
            count = w * h
        }
        let gy = [Float](unsafeUninitializedCapacity: w * h) { gy, count in
            plane.samples.withUnsafeBufferPointer { s in
                for y in 0..<h {
                    let up = max(y - 1, 0) * w, below = min(y + 1, h - 1) * w, row = y * w
                    let span = Float(min(y + 1, h - 1) - max(y - 1, 0))
                    for x in 0..<w { gy[row + x] = (s[below + x] - s[up + x]) / span }
                }
            }
            count = w * h
        }
        return (Plane(width: w, height: h, samples: gx), Plane(width: w, height: h, samples: gy))
    }

    /// Median of normalised correlations over 16×16-pixel tiles of the overlap:
    /// a strong edge cannot fake agreement that the skin's texture lacks.
    static func quality(before b: Plane, after a: Plane, transform: AffineTransform) -> Double {
        let tile = 16
        var scores: [Float] = []
        a.samples.withUnsafeBufferPointer { src in
            for ty in stride(from: 0, through: b.height - tile, by: tile) {
                for tx in stride(from: 0, through: b.width - tile, by: tile) {
                    var n = 0.0, sb = 0.0, sw = 0.0, sbb = 0.0, sww = 0.0, sbw = 0.0
                    for y in ty..<(ty + tile) {
                        for x in tx..<(tx + tile) {
                            let p = transform.apply(x: Double(x) + 0.5, y: Double(y) + 0.5)
                            guard let v = Resample.bilinear(src, width: a.width, height: a.height, x: p.x, y: p.y)
                            else { continue }
                            let bv = Double(b.samples[y * b.width + x]), wv = Double(v)
                            n += 1; sb += bv; sw += wv; sbb += bv * bv; sww += wv * wv; sbw += bv * wv
                        }
                    }
                    guard n >= Double(tile * tile) * 0.75 else { continue }
                    let cov = sbw - sb * sw / n, vb = sbb - sb * sb / n, vw = sww - sw * sw / n
                    guard vb > 1e-9, vw > 1e-9 else { continue }
                    scores.append(Float(cov / (vb * vw).squareRoot()))
                }
            }
        }
        guard scores.count >= 4, let median = Statistics.median(scores) else { return 0 }
        return Double(max(0, median))
    }
}
