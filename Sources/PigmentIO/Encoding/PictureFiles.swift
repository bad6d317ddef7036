import Foundation
import PigmentCore

/// Writes pictures (maps, overlays) as PNG or JPEG files, or encodes them in memory.
public enum PictureFiles {
    public static func write(_ picture: RGBImage8, to path: String, format: ImageFormat = .png,
                             quality: Int = 88) throws(ImageFileError) {
        switch format {
        case .png: try ImageEncoder.writePNG(samples: picture.samples, width: picture.width, height: picture.height,
                                             channels: 3, to: path)
        case .jpeg: try ImageEncoder.writeJPEG(samples: picture.samples, width: picture.width, height: picture.height,
                                               channels: 3, to: path, options: .init(quality: quality))
        case .heif: throw .writeFailed(path: path, reason: "pigment reads HEIF but writes PNG or JPEG")
        }
    }

    /// The encoded file's bytes (through a temporary file, removed afterwards).
    public static func encoded(_ picture: RGBImage8, format: ImageFormat, quality: Int = 88) throws(ImageFileError) -> Data {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("pigment-\(UUID().uuidString).\(format == .png ? "png" : "jpg")").path
        defer { unlink(path) }
        try write(picture, to: path, format: format, quality: quality)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .writeFailed(path: path, reason: "cannot read back the encoded picture")
        }
        return data
    }

    /// Writes the pair's maps into `folder` (created if needed); returns the paths.
    @discardableResult
    public static func writeMaps(_ pictures: PairPictures, to folder: String) throws(ImageFileError) -> [String] {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .writeFailed(path: folder, reason: error.localizedDescription)
        }
        var written: [String] = []
        for (name, picture) in mapFiles(pictures) {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            try write(picture, to: path)
            written.append(path)
        }
        return written
    }

    /// The file name of each map.
    public static func mapFiles(_ p: PairPictures) -> [(String, RGBImage8)] {
        [("melanin-before.png", p.melaninBefore), ("melanin-after.png", p.melaninAfter),
         ("outline-before.png", p.outlineBefore), ("outline-after.png", p.outlineAfter),
         ("change.png", p.change), ("side-by-side.png", p.sideBySide)]
    }
}
