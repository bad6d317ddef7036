import Foundation

/// Renders synthetic skin by Beer–Lambert: per pixel, optical density is
/// `base + m·melanin + h·hemoglobin` (m, h: melanin and hemoglobin densities
/// with fractal texture and lesions), reflectance is `exp(−OD)`, and the
/// camera adds illumination, white balance and noise. Everything is fixed by
/// the spec's seed.
public struct PhantomGenerator: Sendable {
    public let spec: PhantomSpec
    /// The skin region (an ellipse filling most of the frame).
    public let mask: Mask
    /// Every lesion with its before and after state.
    public let lesions: [LesionHistory]
    private let melaninTexture: FractalNoise
    private let hemoglobinTexture: FractalNoise

    /// Density of everything but melanin and hemoglobin (dermis, other chromophores).
    static let baseDensity = RGB(0.10, 0.30, 0.55)
    /// Mean melanin and hemoglobin densities of this subject's skin, drawn from
    /// the seed: light to medium tones (unless the spec sets the melanin), pale
    /// to flushed.
    public let skinMelanin: Double
    public let skinHemoglobin: Double
    /// Linear reflectance of what lies outside the skin region.
    static let backdrop = RGB(0.06, 0.07, 0.10)

    public init(spec: PhantomSpec) {
        self.spec = spec
        let w = spec.width, h = spec.height
        let scale = Double(max(w, h)) / 512
        let ellipse = Self.ellipse(width: w, height: h)
        mask = Self.skinEllipse(width: w, height: h)

        var tone = SeededRandom(seed: spec.seed, stream: 4)
        let drawnMelanin = tone.uniform(0.5...1.3)  // drawn whatever the spec says: the same hemoglobin follows
        skinMelanin = spec.skinMelanin ?? drawnMelanin
        skinHemoglobin = tone.uniform(0.25...0.5)

        var layout = SeededRandom(seed: spec.seed, stream: 1)
        lesions = LesionLayout.make(spec: spec, ellipse: ellipse, scale: scale, random: &layout)

        var texture = SeededRandom(seed: spec.seed, stream: 2)
        melaninTexture = FractalNoise(width: w, height: h, octaves: [
            (160 * scale, 0.035), (40 * scale, 0.012), (10 * scale, 0.007), (2.5 * scale, 0.004),
        ], random: &texture)
        hemoglobinTexture = FractalNoise(width: w, height: h, octaves: [
            (120 * scale, 0.05), (30 * scale, 0.03), (6 * scale, 0.01),
        ], random: &texture)
    }

    /// Centre and semi-axes (pixels) of the skin ellipse of a `width`×`height` phantom.
    static func ellipse(width w: Int, height h: Int) -> (cx: Double, cy: Double, ax: Double, ay: Double) {
        (Double(w) / 2, Double(h) / 2, 0.46 * Double(w), 0.45 * Double(h))
    }

    /// The skin region of a `width`×`height` phantom: an ellipse filling most of the frame.
    static func skinEllipse(width w: Int, height h: Int) -> Mask {
        let (cx, cy, ax, ay) = ellipse(width: w, height: h)
        var bits = [Bool](repeating: false, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let u = (Double(x) + 0.5 - cx) / ax, v = (Double(y) + 0.5 - cy) / ay
                bits[y * w + x] = u * u + v * v <= 1
            }
        }
        return Mask(width: w, height: h, bits: bits)
    }

    /// The lesions present in one photo.
    public func lesions(at moment: Moment) -> [Lesion] {
        lesions.compactMap { moment == .before ? $0.before : $0.after }
    }

    /// True melanin density (melanin units) of one photo.
    public func melanin(at moment: Moment) -> Plane {
        let w = spec.width, h = spec.height
        var m = [Float](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w { m[y * w + x] = Float(skinMelanin) + melaninTexture.value(x: Double(x), y: Double(y)) }
        }
        addExcess(of: lesions(at: moment), to: &m)
        return Plane(width: w, height: h, samples: m)
    }

    /// The photo's pixels in linear light, with the spec's nuisance for that
    /// moment (and, for the after photo, the spec's camera motion).
    public func render(_ moment: Moment) -> LinearImage {
        render(moment, nuisance: moment == .before ? spec.before : spec.after,
               motion: moment == .before ? nil : spec.afterMotion)
    }

    /// The photo's pixels in linear light under any `nuisance`, seen by a
    /// camera that moved by `motion` (`nil`: the before photo's view). The
    /// sensor noise pattern depends only on the moment, so two nuisances compare fairly.
    public func render(_ moment: Moment, nuisance: Nuisance, motion: CameraMotion? = nil) -> LinearImage {
        let sceneWidth = spec.width, sceneHeight = spec.height
        let w = motion?.width ?? sceneWidth, h = motion?.height ?? sceneHeight
        // Camera pixel (centre) → scene point, in the before frame's coordinates.
        let view = motion?.transform(beforeWidth: sceneWidth, beforeHeight: sceneHeight).inverse ?? .identity
        let present = lesions(at: moment)
        let reach = present.map { $0.bounds(width: sceneWidth, height: sceneHeight) }
        let erythema = nuisance.redness > 0 ? erythemaPatches(peak: nuisance.redness) : []
        let vectors = spec.renderVectors
        let base = Self.baseDensity
        var noise = SeededRandom(seed: spec.seed, stream: moment == .before ? 10 : 11)
        var planes = [[Float]](repeating: [Float](repeating: 0, count: w * h), count: 3)
        let cx = Double(w) / 2, cy = Double(h) / 2
        let (sceneCx, sceneCy, ax, ay) = Self.ellipse(width: sceneWidth, height: sceneHeight)
        let longSide = Double(max(w, h)), cornerSquared = cx * cx + cy * cy
        let gc = cos(nuisance.gradientAngle), gs = sin(nuisance.gradientAngle)
        let gains = [nuisance.whiteBalance.r, nuisance.whiteBalance.g, nuisance.whiteBalance.b]
        for y in 0..<h {
            for x in 0..<w {
                let i = y * w + x
                let dx = Double(x) - cx, dy = Double(y) - cy
                let light = nuisance.exposure
                    * (1 + nuisance.gradient * (dx * gc + dy * gs) / longSide)
                    * (1 - nuisance.vignette * (dx * dx + dy * dy) / cornerSquared)
                let point = view.apply(x: Double(x) + 0.5, y: Double(y) + 0.5)
                let u = (point.x - sceneCx) / ax, v = (point.y - sceneCy) / ay
                let reflectance: [Double]
                if u * u + v * v <= 1 {
                    // Scene pixel coordinates (pixel indices) of the point.
                    let px = point.x - 0.5, py = point.y - 0.5
                    var mel = Float(skinMelanin) + melaninTexture.value(x: px, y: py)
                    for (lesion, bounds) in zip(present, reach)
                    where px >= Double(bounds.x.lowerBound) && px <= Double(bounds.x.upperBound)
                        && py >= Double(bounds.y.lowerBound) && py <= Double(bounds.y.upperBound) {
                        mel += Float(lesion.excess(x: px, y: py))
                    }
                    var red = 0.0
                    for patch in erythema {
                        let ex = px - patch.x, ey = py - patch.y
                        red += patch.amplitude * exp(-(ex * ex + ey * ey) / (2 * patch.sigma * patch.sigma))
                    }
                    let hb = skinHemoglobin + Double(hemoglobinTexture.value(x: px, y: py)) + red
                    let od = base + Double(mel) * vectors.melanin + hb * vectors.hemoglobin
                    reflectance = [exp(-od.r), exp(-od.g), exp(-od.b)]
                } else {
                    reflectance = [Self.backdrop.r, Self.backdrop.g, Self.backdrop.b]
                }
                for c in 0..<3 {
                    let value = reflectance[c] * light * gains[c] + nuisance.noise * noise.gaussian()
                    planes[c][i] = Float(min(max(value, 0), 1))
                }
            }
        }
        return LinearImage(red: Plane(width: w, height: h, samples: planes[0]),
                           green: Plane(width: w, height: h, samples: planes[1]),
                           blue: Plane(width: w, height: h, samples: planes[2]))
    }

    /// The known answer for both photos.
    public func truth() -> PhantomTruth {
        PhantomTruth(spec: spec, roiPixels: mask.population,
                     before: truth(at: .before), after: truth(at: .after), lesions: lesions)
    }

    func truth(at moment: Moment) -> TruthMeasurement {
        let w = spec.width, h = spec.height
        let present = lesions(at: moment)
        var darker = [Bool](repeating: false, count: w * h)
        var lighter = darker
        var spotCount = 0
        for lesion in visibleLesions(at: moment) {
            if lesion.amplitude > 0 { spotCount += 1 }
            let b = lesion.bounds(width: w, height: h)
            for y in b.y {
                for x in b.x where mask.bits[y * w + x] && lesion.rho(x: Double(x), y: Double(y)) <= 1 {
                    if lesion.amplitude > 0 { darker[y * w + x] = true } else { lighter[y * w + x] = true }
                }
            }
        }
        var excess = [Float](repeating: 0, count: w * h)
        addExcess(of: present, to: &excess)
        let roi = mask.population
        var darkerCount = 0, lighterCount = 0, excessSum = 0.0
        var roiMelanin: [Float] = []
        let m = melanin(at: moment).samples
        for i in 0..<(w * h) where mask.bits[i] {
            roiMelanin.append(m[i])
            if darker[i] { darkerCount += 1; excessSum += Double(excess[i]) }
            if lighter[i] { lighterCount += 1 }
        }
        return TruthMeasurement(
            pigmentedAreaPercent: 100 * Double(darkerCount) / Double(roi),
            hypopigmentedAreaPercent: 100 * Double(lighterCount) / Double(roi),
            contrast: darkerCount > 0 ? excessSum / Double(darkerCount) : 0,
            unevenness: Statistics.meanAndDeviation(roiMelanin)?.deviation ?? 0,
            spotCount: spotCount)
    }

    /// The lesions a perfect measurement counts in `moment`: those at least
    /// the floor, and those at least `trackingRatio` of it that are at least
    /// the floor in the other photo.
    func visibleLesions(at moment: Moment) -> [Lesion] {
        let floor = spec.contrastFloor, tracked = floor * (spec.trackingRatio ?? 1)
        return lesions.compactMap { history in
            guard let lesion = moment == .before ? history.before : history.after else { return nil }
            let other = moment == .before ? history.after : history.before
            let amplitude = abs(lesion.amplitude)
            if amplitude >= floor { return lesion }
            guard amplitude >= tracked, let other, abs(other.amplitude) >= floor,
                  (other.amplitude > 0) == (lesion.amplitude > 0) else { return nil }
            return lesion
        }
    }

    private func addExcess(of lesions: [Lesion], to field: inout [Float]) {
        let w = spec.width, h = spec.height
        for lesion in lesions {
            let b = lesion.bounds(width: w, height: h)
            for y in b.y {
                for x in b.x {
                    field[y * w + x] += Float(lesion.excess(x: Double(x), y: Double(y)))
                }
            }
        }
    }

    /// Blotchy added hemoglobin: a few broad Gaussian patches inside the skin
    /// (centres and widths in scene pixels).
    private func erythemaPatches(peak: Double) -> [(x: Double, y: Double, sigma: Double, amplitude: Double)] {
        let w = spec.width, h = spec.height
        var random = SeededRandom(seed: spec.seed, stream: 3)
        let longSide = Double(max(w, h))
        return (0..<4).map { _ in
            let px = random.uniform(0.25...0.75) * Double(w), py = random.uniform(0.25...0.75) * Double(h)
            let sigma = random.uniform(0.06...0.14) * longSide
            return (px, py, sigma, peak * random.uniform(0.5...1))
        }
    }
}
