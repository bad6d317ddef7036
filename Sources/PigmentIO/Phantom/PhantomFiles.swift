import Foundation
import PigmentCore

/// Writes a phantom pair as files: `before.*`, `after.*`, `mask.png` and
/// `truth.json` (the known answer, with the file names).
public enum PhantomFiles {
    /// File format of a phantom photo.
    public struct PhotoFormat: Sendable, Equatable {
        public var format: ImageFormat
        /// JPEG quality (1–100); ignored for PNG.
        public var quality: Int

        public init(format: ImageFormat, quality: Int = 92) {
            self.format = format
            self.quality = quality
        }

        var fileExtension: String { format == .png ? "png" : "jpg" }
    }

    /// Renders and writes the pair into `directory` (created if needed).
    /// Returns the paths written.
    @discardableResult
    public static func write(_ generator: PhantomGenerator, to directory: String,
                             before: PhotoFormat, after: PhotoFormat) throws(ImageFileError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: directory, reason: error.localizedDescription)
        }
        let folder = URL(fileURLWithPath: directory)
        let beforeName = "before.\(before.fileExtension)", afterName = "after.\(after.fileExtension)"
        let paths = [beforeName, afterName, "mask.png", "truth.json"].map { folder.appendingPathComponent($0).path }
        try writePhoto(generator.render(.before), to: paths[0], format: before)
        if let tag = generator.spec.afterMotion?.orientation, let orientation = Orientation(rawValue: tag), after.format == .jpeg {
            // Store the pixels turned so that a viewer applying the tag shows the rendered photo.
            try ImageEncoder.writeJPEG(orientation.inverse.apply(to: generator.render(.after)), to: paths[1],
                                       options: .init(quality: after.quality, orientation: tag))
        } else {
            try writePhoto(generator.render(.after), to: paths[1], format: after)
        }
        try ImageEncoder.writePNG(generator.mask, to: paths[2])
        let file = TruthFile(truth: generator.truth(), files: .init(before: beforeName, after: afterName, mask: "mask.png"))
        try AtomicFile.write(file.json, to: paths[3])
        return paths
    }

    static func writePhoto(_ image: LinearImage, to path: String, format: PhotoFormat) throws(ImageFileError) {
        switch format.format {
        case .png: try ImageEncoder.writePNG(image, to: path)
        case .jpeg: try ImageEncoder.writeJPEG(image, to: path, options: .init(quality: format.quality))
        case .heif: throw .writeFailed(path: path, reason: "pigment reads HEIF but writes PNG or JPEG")
        }
    }

    /// Reads a `truth.json` written by ``write(_:to:before:after:)``.
    public static func readTruth(_ path: String) throws -> PhantomTruth {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(PhantomTruth.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// `truth.json`: the truth plus the names of the files it describes.
struct TruthFile: Encodable {
    struct Files: Encodable {
        var before: String
        var after: String
        var mask: String
    }

    var truth: PhantomTruth
    var files: Files

    enum CodingKeys: String, CodingKey { case files }

    func encode(to encoder: Encoder) throws {
        try truth.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(files, forKey: .files)
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}
