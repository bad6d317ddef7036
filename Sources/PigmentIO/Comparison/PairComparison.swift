import PigmentCore

/// Reads a before/after pair (and optional mask), aligns the after photo onto
/// the before photo, and measures both by the same rule over the same region.
public struct PairComparison: Sendable {
    public let analyzer: Analyzer
    public let decoder: ImageDecoder
    public let alignment: AlignmentSettings
    /// Photos are reduced so that their long side is at most this many pixels
    /// before anything is measured; `nil` measures at full size.
    public let analysisSize: Int?

    /// Threads for one pair: 2 measures both photos at once; 1 works on one
    /// photo at a time (a batch runs pairs side by side instead).
    public let threads: Int

    /// The default working resolution: long side 1024 px. The smoothing is
    /// 0.3 % of the long side (3 px here), so finer pixels add nothing the
    /// analysis uses; `ReducedDecodingTests` holds the numbers to full size.
    public static let defaultAnalysisSize = 1024

    public init(settings: AnalysisSettings = .standard, alignment: AlignmentSettings = .standard,
                analysisSize: Int? = defaultAnalysisSize, decoder: ImageDecoder = .init(),
                threads: Int = 2) throws(ComparisonError) {
        do { analyzer = try Analyzer(settings: settings) } catch { throw .invalidSettings(error.description) }
        self.alignment = alignment
        self.analysisSize = analysisSize
        self.decoder = decoder
        self.threads = max(1, threads)
    }

    /// Compares the photos at `before` and `after`; `mask` marks skin (white) in the before frame.
    public func compare(before: String, after: String, mask: String? = nil) throws(ComparisonError) -> ComparisonReport {
        let measured = try measure(before: before, after: after, mask: mask)
        return report(measured, before: before, after: after, mask: mask)
    }

    /// The report of a measured pair.
    public func report(_ measured: MeasuredPair, before: String, after: String, mask: String?) -> ComparisonReport {
        ComparisonReport(
            before: PhotoReport(file: before, measurement: measured.before),
            after: PhotoReport(file: after, measurement: measured.after),
            change: PigmentChange(before: measured.before, after: measured.after),
            alignment: measured.alignment,
            warnings: measured.warnings,
            settings: settingsReport(mask: mask))
    }

    /// The settings as reports and baselines record them.
    public func settingsReport(mask: String?) -> SettingsReport {
        SettingsReport(settings: analyzer.settings, alignment: alignment, analysisSize: analysisSize, mask: mask,
                       maxPixels: decoder.maxPixels)
    }

    /// Aligns the after photo onto the before photo and measures both over the
    /// skin they share (and the mask, if any). The photos themselves are kept
    /// (for pictures and `--save-aligned`) only when `keepingPhotos` is set;
    /// otherwise only their maps outlive reading.
    public func measure(before: String, after: String, mask: String? = nil,
                        keepingPhotos: Bool = false) throws(ComparisonError) -> MeasuredPair {
        let prepared = try prepare(before: before, after: after, mask: mask, keepingPhotos: keepingPhotos)
        let region = prepared.region
        let analyses = ParallelWork.map([(prepared.beforeMaps, mask ?? before), (prepared.afterMaps, mask ?? after)],
                                        threads: threads) { maps, path in
            Result { () throws(ComparisonError) in try analyze(maps, roi: region, path: path) }
        }
        let (beforeAnalysis, afterAnalysis) = PhotoAnalysis.tracked(before: try analyses[0].get(), after: try analyses[1].get())
        return MeasuredPair(before: beforeAnalysis.measurement, after: afterAnalysis.measurement,
                            alignment: prepared.alignment, warnings: prepared.warnings, photos: prepared.photos,
                            beforeAnalysis: beforeAnalysis, afterAnalysis: afterAnalysis, region: region)
    }

    /// Below this share of the frame the region of interest earns a warning.
    public static let smallRegionShare = 0.05
    /// Above this share of clipped skin pixels a photo earns a warning.
    public static let clippedShare = 0.01
    /// A pixel with a channel at this level or above (of full scale) is clipped.
    static let clippedLevel: Float = 0.99

    /// Warnings for photos whose skin is clipped (a channel at 99 % or more of
    /// full scale): there the colour, and so melanin, is wrong. `clipped` marks
    /// those pixels in the region's frame.
    static func clippingWarnings(_ photos: [(path: String, clipped: Mask)], region: Mask) -> [String] {
        photos.compactMap { path, clipped in
            let share = Double(region.intersection(clipped).population) / Double(max(region.population, 1))
            guard share > clippedShare else { return nil }
            return String(format: "%@: %.1f %% of the skin is clipped (overexposed); pigment there is not measured", path, 100 * share)
        }
    }

    func decode(_ path: String, blocks: ImageDecoder.BlockReduction = .average) throws(ComparisonError) -> DecodedPhoto {
        do { return try decoder.decode(path, maxLongSide: analysisSize, blocks: blocks) } catch { throw .image(error) }
    }

    private func analyze(_ maps: PigmentMaps, roi: Mask, path: String) throws(ComparisonError) -> PhotoAnalysis {
        do { return try analyzer.analyze(maps, roi: roi) } catch {
            if case .regionTooSmall(let pixels) = error { throw .regionTooSmall(path: path, pixels: pixels) }
            throw .invalidSettings(error.description)
        }
    }
}
