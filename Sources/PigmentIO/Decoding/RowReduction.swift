import CImageIO
import Foundation
import PigmentCore

/// Takes a decoder's rows as they are made, converts them to linear light
/// (PNG codes by table, JPEG sRGB floats by ``SRGB/decodeFast(_:)``, or a
/// JPEG's embedded ICC profile by ``ProfileConversion``), and reduces them into
/// planes whose long side is at most `maxLongSide`, by averaging blocks or
/// taking their centres (``ImageDecoder/BlockReduction``).
final class RowReduction {
    private let maxLongSide: Int?
    private let blocks: ImageDecoder.BlockReduction
    private var averager: BlockAverager?
    /// PNG: code value to linear light (colour) or to 0–1 (alpha, last), per
    /// channel: channel p's table starts at p × `codes`.
    private var tables: [Float] = []
    private var codes = 0
    /// The layout of the rows received (zeroed before the first row).
    private(set) var layout = cimageio_layout()
    /// The embedded profile's conversion to linear sRGB, and one row converted.
    private var conversion: ProfileConversion?
    private var converted: [Float] = []
    /// Why the rows could not be read (no rows are kept then).
    private(set) var failure: ProfileError?

    init(maxLongSide: Int?, blocks: ImageDecoder.BlockReduction = .average) {
        self.maxLongSide = maxLongSide
        self.blocks = blocks
    }

    /// Starts a new image on its first row; later rows are added to it.
    func receive(_ layout: cimageio_layout, row: UnsafeRawPointer, y: Int) {
        if y == 0 { start(layout) }
        guard averager != nil else { return }
        switch layout.bytes_per_sample {
        case 4 where conversion != nil:
            converted.withUnsafeMutableBufferPointer { out in
                conversion!.convert(row.assumingMemoryBound(to: Float.self), pixels: Int(layout.width), into: out.baseAddress!)
                averager!.add(row: UnsafePointer(out.baseAddress!), y: y) { v, _ in v }
            }
        case 4:
            SRGB.withDecodeTable { table in
                averager!.add(row: row.assumingMemoryBound(to: Float.self), y: y) { v, _ in SRGB.decodeFast(v, table: table) }
            }
        case 2: add(codes: row.assumingMemoryBound(to: UInt16.self), y: y)
        default: add(codes: row.assumingMemoryBound(to: UInt8.self), y: y)
        }
    }

    private func add<Code: BinaryInteger>(codes row: UnsafePointer<Code>, y: Int) {
        let stride = codes
        tables.withUnsafeBufferPointer { tables in
            averager!.add(row: row, y: y) { code, p in tables[p * stride + Int(code)] }
        }
    }

    private func start(_ layout: cimageio_layout) {
        self.layout = layout
        if layout.bytes_per_sample == 4, layout.channels == 3, let icc = layout.icc_profile, layout.icc_length > 0 {
            do {
                conversion = try ProfileConversion.make(icc: UnsafeRawBufferPointer(start: icc, count: Int(layout.icc_length)))
            } catch {
                failure = error
                return
            }
            if conversion != nil { converted = [Float](repeating: 0, count: Int(layout.width) * 3) }
        }
        let longSide = Int(max(layout.width, layout.height))
        let factor = maxLongSide.map { max(1, (longSide + $0 - 1) / $0) } ?? 1
        let channels = Int(layout.channels)
        averager = BlockAverager(width: Int(layout.width), height: Int(layout.height), channels: channels, factor: factor,
                                 centreOnly: blocks == .centre)
        guard layout.bytes_per_sample != 4 else { return }
        let top = layout.bytes_per_sample == 2 ? 65535 : 255, scale = 1 / Float(top)
        let levels = (0...top).map { Float($0) * scale }
        let colour: [Float]
        if layout.file_gamma > 0 {
            let exponent = Float(1 / layout.file_gamma)
            colour = levels.map { powf($0, exponent) }
        } else {
            colour = levels.map(SRGB.decodeFast)
        }
        codes = top + 1
        tables = channels % 2 == 0 ? Array(Array(repeating: colour, count: channels - 1).joined()) + levels
                                   : Array(Array(repeating: colour, count: channels).joined())
    }

    /// The averaged image: colour planes, and opacity when there is an alpha
    /// channel and some pixel is not fully opaque. `nil` before the first row;
    /// called once.
    func image() -> LinearImage? {
        guard var planes = averager?.takePlanes() else { return nil }
        var opacity: Plane?
        if planes.count % 2 == 0, let alpha = planes.popLast(), alpha.samples.contains(where: { $0 < 1 }) { opacity = alpha }
        let red = planes[0], green = planes.count == 3 ? planes[1] : red, blue = planes.count == 3 ? planes[2] : red
        return LinearImage(red: red, green: green, blue: blue, opacity: opacity)
    }

    /// Analysis pixels per stored pixel: the decoder's k/8 and the block averaging.
    var scale: Double { Double(layout.scale_eighths) / 8 / Double(averager?.factor ?? 1) }
}
