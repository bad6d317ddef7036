/// Measures pigmentation in a photo by one fixed rule (``AnalysisSettings``).
public struct Analyzer: Sendable {
    public let settings: AnalysisSettings
    let decomposition: Decomposition

    /// Narrowest edge band, in pixels: one 4:2:0 JPEG chroma block is 16 pixels wide.
    static let minimumEdgeBand = 8

    /// Fails when the settings' vectors cannot separate melanin from
    /// hemoglobin and shading.
    public init(settings: AnalysisSettings = .standard) throws(AnalysisError) {
        guard let decomposition = Decomposition(vectors: settings.vectors) else {
            throw .degenerateVectors(settings.vectors.text)
        }
        self.settings = settings
        self.decomposition = decomposition
    }

    /// Analyses `image` inside `roi` (same size as the image).
    public func analyze(_ image: LinearImage, roi: Mask) throws(AnalysisError) -> PhotoAnalysis {
        try analyze(maps(of: image), roi: roi)
    }

    /// Analyses two photos of one pair, in one frame, inside `roi`: each on
    /// its own, then each with the faint spots the other confirms
    /// (``PhotoAnalysis/tracked(before:after:)``).
    public func analyze(before: LinearImage, after: LinearImage, roi: Mask)
        throws(AnalysisError) -> (before: PhotoAnalysis, after: PhotoAnalysis) {
        PhotoAnalysis.tracked(before: try analyze(before, roi: roi), after: try analyze(after, roi: roi))
    }

    /// The melanin, darkness and tone maps of `image`, the first step of
    /// ``analyze(_:roi:)``, on up to `threads` threads.
    public func maps(of image: LinearImage, threads: Int = 1) -> PigmentMaps {
        decomposition.maps(of: image, threads: threads)
    }

    /// Analyses maps made by ``maps(of:threads:)`` inside `roi` (same size).
    public func analyze(_ maps: PigmentMaps, roi: Mask) throws(AnalysisError) -> PhotoAnalysis {
        let melanin = maps.melanin
        let image = (width: melanin.width, height: melanin.height)
        guard roi.width == image.width, roi.height == image.height else {
            throw .sizeMismatch(expected: (image.width, image.height), found: (roi.width, roi.height))
        }
        let roiPixels = roi.population
        let scale = settings.scaled(toLongSide: max(image.width, image.height))
        guard roiPixels >= 4 * scale.minimumArea else { throw .regionTooSmall(pixels: roiPixels) }

        let smoothed = MaskedBlur.apply([melanin, maps.darkness, maps.tone], mask: roi, sigma: scale.sigma)
        let smooth = smoothed[0], smoothDarkness = smoothed[1], smoothTone = smoothed[2]
        let guardBand = Int((2 * scale.sigma).rounded(.up)) + 1
        // Colour from outside the region bleeds into its edge (JPEG chroma is
        // stored at half resolution in 8×8 blocks): a spot may reach into the
        // edge band (up to twice its width deep) but cannot start in it or run
        // along it.
        let edgeBand = max(Self.minimumEdgeBand, Int((3 * scale.sigma).rounded(.up)))
        let seedable = roi.subtracting(roi.inverted.dilated(by: edgeBand))

        // Background, noise and spots are refined together: spots found in a
        // first pass over the whole region are left out of the second pass's
        // background and noise estimates. (A third pass moved the fixtures'
        // areas by at most 0.002 pp and contrasts by 0.03 %.)
        // The smoothed maps' noise is read one smoothing length apart: pixels
        // closer than that mostly repeat each other.
        let spacing = max(1, Int(scale.sigma))
        func detect(on skin: Mask, tracking: Bool) -> DetectionPass {
            DetectionPass(smooth: smooth, darkness: smoothDarkness, skin: skin, roi: roi, seedable: seedable,
                          bandReach: 2 * edgeBand, window: scale.window,
                          minimumArea: scale.minimumArea, spacing: spacing, settings: settings, tracking: tracking)
        }
        var skin = roi
        var pass = detect(on: skin, tracking: false)
        let outliers = pass.darker.extent.union(pass.lighter.extent).union(pass.suprathreshold).dilated(by: guardBand)
        let spotFree = roi.subtracting(outliers)
        if spotFree.population * 4 >= roiPixels { skin = spotFree }
        _ = consume pass  // frees the first pass's planes before the second is made
        // The second pass also finds the faint spots a pair may count
        // (``PhotoAnalysis/tracked(with:)``).
        pass = detect(on: skin, tracking: true)

        // Excess sums over the darker extent (first) and each faint darker spot.
        let pigmentedPixels = pass.darker.extent.population
        let regions = [pass.darker.extent.setIndices] + pass.faintDarker.map(\.pixels)
        var excessSums = melanin.samples.withUnsafeBufferPointer { melanin in
            pass.background.samples.withUnsafeBufferPointer { background in
                regions.map { pixels in pixels.reduce(0.0) { $0 + Double(melanin[$1] - background[$1]) } }
            }
        }
        // Contrast and unevenness are read from tone, which leans on colour far
        // less than melanin does: 8-bit JPEG stores colour coarsely and in
        // blocks, and a re-saved photo's block colours round the same way over
        // smooth skin. Tone's background is melanin's (blind to shading) plus
        // that of tone − melanin, which holds no melanin, only shading and
        // colour error: quadratic surfaces follow curved light (a vignette)
        // where window medians sit on its convex side. They are fitted to the
        // smoothed maps, as melanin's medians are (fitted to single pixels they
        // followed the pixels' noise). Their windows are 1.5 times the
        // background window: in the window itself they also followed the shapes
        // of a re-save's colour-rounding regions. 16 samples across a window
        // (melanin's medians read 32) measured the same.
        let toneBackground = QuadraticBackground(fitting: smoothTone, less: smooth, valid: skin, window: scale.window * 3 / 2,
                                                 samplesPerSide: LocalBackground.samplesPerSide / 2)
        if regions.contains(where: { !$0.isEmpty }) {
            let toneSums = toneBackground.excessSums(of: maps.tone, less: melanin, over: regions)
            for i in excessSums.indices { excessSums[i] += toneSums[i] }
        }
        // Unevenness: the spread over the region of the smoothed tone less that
        // background (tone's own shading and the colour error of its scale go,
        // melanin stays), read like the noise on every `spacing`-th row and
        // column. Melanin's spread also held JPEG's colour noise: phantoms
        // saved at quality 92 read 4–20 % above their true melanin SD, and
        // changes of spread came out smaller than they were.
        let unevenness = Statistics.meanAndDeviation(toneBackground.excess(of: smoothTone, where: roi, spacing: spacing))?.deviation
        let excessSum = excessSums[0]
        let measurement = PhotoMeasurement(
            width: image.width,
            height: image.height,
            roiPixels: roiPixels,
            baselineMelanin: Double(Statistics.median(Statistics.values(of: melanin, where: skin)) ?? 0),
            pigmentedAreaPercent: 100 * Double(pigmentedPixels) / Double(roiPixels),
            hypopigmentedAreaPercent: 100 * Double(pass.lighter.extent.population) / Double(roiPixels),
            contrast: pigmentedPixels > 0 ? excessSum / Double(pigmentedPixels) : 0,
            unevenness: unevenness ?? 0,
            spotCount: pass.darker.spots.count,
            hypopigmentedSpotCount: pass.lighter.spots.count,
            noise: Double(pass.noise),
            threshold: Double(pass.threshold))
        return PhotoAnalysis(measurement: measurement, melanin: melanin, background: pass.background,
                             darker: pass.darker, lighter: pass.lighter,
                             faintDarker: zip(pass.faintDarker, excessSums.dropFirst()).map {
                                 FaintSpot(spot: $0.spot, pixels: $0.pixels, excessSum: $1)
                             },
                             faintLighter: pass.faintLighter.map { FaintSpot(spot: $0.spot, pixels: $0.pixels, excessSum: 0) })
    }
}
