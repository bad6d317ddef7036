import ArgumentParser
import Foundation
import PigmentCore
import PigmentIO

extension Treatment: ExpressibleByArgument {}
extension ImageFormat: ExpressibleByArgument {
    /// Phantoms are written as PNG or JPEG: HEIF is read only.
    public init?(argument: String) {
        guard let format = ImageFormat(rawValue: argument), format.isWritten else { return nil }
        self = format
    }

    public static var allValueStrings: [String] { allCases.filter(\.isWritten).map(\.rawValue) }
}

struct Phantom: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic skin pair with known truth.",
        discussion: """
            Renders Beer–Lambert skin with fractal texture and lesions of known area and darkness, \
            changes them by --treatment, and adds photographic nuisances and camera motion to the \
            after photo. \
            Writes before.*, after.*, mask.png and truth.json into OUTDIR. The same options \
            always give the same pixels.
            """)

    @Argument(help: "Folder to write the pair into (created if needed).")
    var outdir: String

    @Option(help: "Random seed: lesion layout, texture and noise.")
    var seed: UInt64 = 1

    @Option(help: "How lesions change: \(Treatment.allCases.map(\.rawValue).joined(separator: ", ")).")
    var treatment: Treatment = .mixed

    @Option(help: "Image size as WIDTHxHEIGHT.")
    var size: String = "512x384"

    @Option(help: "File format of both photos: png or jpeg.")
    var format: ImageFormat = .jpeg

    @Option(help: "JPEG quality of the before photo.")
    var quality: Int = 92

    @Option(help: "JPEG quality of the after photo (default: --quality).")
    var afterQuality: Int?

    @Option(help: "After photo: exposure factor on linear light.")
    var exposure: Double = 1

    @Option(help: "After photo: white-balance gains 'r,g,b'.")
    var whiteBalance: String = "1,1,1"

    @Option(help: "After photo: lighting ramp across the frame (0.5 = ±25 %).")
    var gradient: Double = 0

    @Option(help: "After photo: corner light fall-off (0.3 = corners 30 % darker).")
    var vignette: Double = 0

    @Option(help: "After photo: peak added hemoglobin density of erythema (redness).")
    var redness: Double = 0

    @Option(help: "Sensor noise SD in linear light, both photos.")
    var noise: Double = Nuisance.none.noise

    @Option(help: "After photo: the scene moved by 'dx,dy' pixels (camera motion).")
    var shift: String = "0,0"

    @Option(help: "After photo: the scene turned by this many degrees (clockwise).")
    var rotate: Double = 0

    @Option(help: "After photo: after-photo pixels per before-photo pixel (closer camera or more pixels).")
    var zoom: Double = 1

    @Option(help: "After photo: its size as WIDTHxHEIGHT (default: --size).")
    var afterSize: String?

    @Option(help: "After photo: store it rotated with this EXIF orientation tag (1-8, JPEG only).")
    var afterOrientation: Int?

    @Option(help: "Render with these vectors 'mr,mg,mb;hr,hg,hb' instead of the analysis defaults.")
    var renderVectors: String?

    @Option(help: ArgumentHelp(
        "Mean melanin density of the skin, in melanin units (default: drawn from the seed in 0.5-1.3).",
        discussion: "0.5-1.3 renders light to medium skin; 2 and 2.8 brown skin (sRGB about 180,125,85 and "
            + "160,105,60); 3.6 dark brown (about 140,85,45)."))
    var skinMelanin: Double?

    func validate() throws {
        guard parsedSize != nil else { throw ValidationError("--size '\(size)' is not WIDTHxHEIGHT between 64 and 8192") }
        guard parsedWhiteBalance != nil else { throw ValidationError("--white-balance '\(whiteBalance)' is not three positive gains 'r,g,b'") }
        if let renderVectors, AbsorptionVectors(parsing: renderVectors) == nil {
            throw ValidationError("--render-vectors '\(renderVectors)' is not 'mr,mg,mb;hr,hg,hb'")
        }
        for q in [quality, afterQuality ?? quality] where !(1...100).contains(q) {
            throw ValidationError("JPEG quality must be 1-100")
        }
        guard parsedShift != nil else { throw ValidationError("--shift '\(shift)' is not 'dx,dy'") }
        if let afterSize, Self.parseSize(afterSize) == nil {
            throw ValidationError("--after-size '\(afterSize)' is not WIDTHxHEIGHT between 64 and 8192")
        }
        if let afterOrientation {
            guard Orientation(rawValue: afterOrientation) != nil else { throw ValidationError("--after-orientation must be 1-8") }
            guard format == .jpeg else { throw ValidationError("--after-orientation needs --format jpeg") }
        }
        guard zoom >= 0.25, zoom <= 4, abs(rotate) <= 180 else { throw ValidationError("--zoom must be 0.25-4 and --rotate ±180") }
        guard exposure > 0, noise >= 0, redness >= 0, (0..<1).contains(vignette), abs(gradient) < 2 else {
            throw ValidationError("nuisance values out of range")
        }
        if let skinMelanin, !(0...6).contains(skinMelanin) { throw ValidationError("--skin-melanin must be 0-6") }
    }

    var parsedSize: (Int, Int)? { Self.parseSize(size) }

    var parsedShift: (Double, Double)? {
        let parts = shift.split(separator: ",").compactMap { Double($0) }
        guard parts.count == 2, parts.allSatisfy(\.isFinite) else { return nil }
        return (parts[0], parts[1])
    }

    /// The after photo's camera motion, `nil` when the camera did not move.
    var motion: CameraMotion? {
        let (dx, dy) = parsedShift ?? (0, 0)
        let canvas = afterSize.flatMap(Self.parseSize)
        let motion = CameraMotion(dx: dx, dy: dy, rotationDegrees: rotate, zoom: zoom,
                                  width: canvas?.0, height: canvas?.1, orientation: afterOrientation)
        return motion == CameraMotion() ? nil : motion
    }

    static func parseSize(_ size: String) -> (Int, Int)? {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts.allSatisfy({ (64...8192).contains($0) }) else { return nil }
        return (parts[0], parts[1])
    }

    var parsedWhiteBalance: RGB? {
        let gains = whiteBalance.split(separator: ",").compactMap { Double($0) }
        guard gains.count == 3, gains.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        return RGB(gains[0], gains[1], gains[2])
    }

    func run() throws {
        guard let (width, height) = parsedSize, let wb = parsedWhiteBalance else { return }
        let after = Nuisance(exposure: exposure, whiteBalance: wb, gradient: gradient, gradientAngle: 0.6,
                             vignette: vignette, noise: noise, redness: redness)
        let spec = PhantomSpec(seed: seed, width: width, height: height, treatment: treatment,
                               before: Nuisance(noise: noise), after: after,
                               renderVectors: renderVectors.flatMap(AbsorptionVectors.init(parsing:)) ?? .standard,
                               afterMotion: motion, skinMelanin: skinMelanin)
        do {
            try PhantomFiles.write(PhantomGenerator(spec: spec), to: outdir,
                                   before: .init(format: format, quality: quality),
                                   after: .init(format: format, quality: afterQuality ?? quality))
        } catch {
            throw CommandFailure(error)
        }
    }
}
