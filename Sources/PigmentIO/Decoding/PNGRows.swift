import CImageIO
import Foundation
import PigmentCore

/// Takes a PNG's rows from the C decoder as they are decoded, converts their
/// codes to linear light by table, and averages them into reduced planes.
final class PNGRows {
    private let maxLongSide: Int?
    private var averager: BlockAverager?
    /// Per channel, code value to linear light (colour) or to 0–1 (opacity, last).
    private var tables: [[Float]] = []
    private var scratch: [Float] = []
    private var wide = false
    /// The stored size (0 before the first row).
    private(set) var fullWidth = 0
    private(set) var fullHeight = 0

    init(maxLongSide: Int?) {
        self.maxLongSide = maxLongSide
    }

    /// Starts a new image on its first row; later rows are added to it.
    func receive(_ layout: cimageio_image, row: UnsafeRawPointer, y: Int) {
        if y == 0 { start(layout) }
        let channels = tables.count, count = Int(layout.width) * channels
        scratch.withUnsafeMutableBufferPointer { out in
            for (p, table) in tables.enumerated() {
                table.withUnsafeBufferPointer { table in
                    if wide {
                        let codes = row.assumingMemoryBound(to: UInt16.self)
                        for i in stride(from: p, to: count, by: channels) { out[i] = table[Int(codes[i])] }
                    } else {
                        let codes = row.assumingMemoryBound(to: UInt8.self)
                        for i in stride(from: p, to: count, by: channels) { out[i] = table[Int(codes[i])] }
                    }
                }
            }
            averager?.add(row: UnsafePointer(out.baseAddress!), y: y)
        }
    }

    private func start(_ layout: cimageio_image) {
        let longSide = Int(max(layout.width, layout.height))
        let factor = maxLongSide.map { max(1, (longSide + $0 - 1) / $0) } ?? 1
        let channels = Int(layout.channels)
        (fullWidth, fullHeight) = (Int(layout.width), Int(layout.height))
        averager = BlockAverager(width: Int(layout.width), height: Int(layout.height), channels: channels, factor: factor)
        wide = layout.bytes_per_sample == 2
        let top = wide ? 65535 : 255, scale = 1 / Float(top)
        let codes = (0...top).map { Float($0) * scale }
        let colour: [Float]
        if layout.file_gamma > 0 {
            let exponent = Float(1 / layout.file_gamma)
            colour = codes.map { powf($0, exponent) }
        } else {
            colour = codes.map(SRGB.decodeFast)
        }
        tables = Array(repeating: colour, count: channels - 1) + [codes]
        scratch = [Float](repeating: 0, count: Int(layout.width) * channels)
    }

    /// The image averaged so far: colour planes and opacity (kept only when
    /// some pixel is not fully opaque).
    func image() -> LinearImage? {
        guard let planes = averager?.planes(), let opacity = planes.last else { return nil }
        let translucent = opacity.samples.contains { $0 < 1 }
        let colour = planes.dropLast()
        let red = colour[0], green = colour.count == 3 ? colour[1] : red, blue = colour.count == 3 ? colour[2] : red
        return LinearImage(red: red, green: green, blue: blue, opacity: translucent ? opacity : nil)
    }

    /// The factor rows and columns were averaged by (1 before the first row).
    var factor: Int { averager?.factor ?? 1 }
}
