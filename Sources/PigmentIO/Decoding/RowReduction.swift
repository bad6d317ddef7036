import CImageIO
import Foundation
import PigmentCore

/// Takes a decoder's rows as they are made, converts them to linear light
/// (PNG codes by table, JPEG sRGB floats by ``SRGB/decodeFast(_:)``), and
/// averages them into planes reduced to at most `maxLongSide`.
final class RowReduction {
    private let maxLongSide: Int?
    private var averager: BlockAverager?
    /// PNG: per channel, code value to linear light (colour) or to 0–1 (alpha, last).
    private var tables: [[Float]] = []
    private var scratch: [Float] = []
    /// The layout of the rows received (zeroed before the first row).
    private(set) var layout = cimageio_layout()

    init(maxLongSide: Int?) {
        self.maxLongSide = maxLongSide
    }

    /// Starts a new image on its first row; later rows are added to it.
    func receive(_ layout: cimageio_layout, row: UnsafeRawPointer, y: Int) {
        if y == 0 { start(layout) }
        let channels = Int(layout.channels), count = Int(layout.width) * channels
        scratch.withUnsafeMutableBufferPointer { out in
            switch layout.bytes_per_sample {
            case 4:
                _ = out.initialize(from: UnsafeBufferPointer(start: row.assumingMemoryBound(to: Float.self), count: count))
                SRGB.decodeFast(out)
            case 2: Self.convert(row.assumingMemoryBound(to: UInt16.self), count: count, tables: tables, into: out)
            default: Self.convert(row.assumingMemoryBound(to: UInt8.self), count: count, tables: tables, into: out)
            }
            averager?.add(row: UnsafePointer(out.baseAddress!), y: y)
        }
    }

    private static func convert<Code: BinaryInteger>(_ codes: UnsafePointer<Code>, count: Int, tables: [[Float]],
                                                      into out: UnsafeMutableBufferPointer<Float>) {
        for (p, table) in tables.enumerated() {
            table.withUnsafeBufferPointer { table in
                for i in stride(from: p, to: count, by: tables.count) { out[i] = table[Int(codes[i])] }
            }
        }
    }

    private func start(_ layout: cimageio_layout) {
        self.layout = layout
        let longSide = Int(max(layout.width, layout.height))
        let factor = maxLongSide.map { max(1, (longSide + $0 - 1) / $0) } ?? 1
        let channels = Int(layout.channels)
        averager = BlockAverager(width: Int(layout.width), height: Int(layout.height), channels: channels, factor: factor)
        scratch = [Float](repeating: 0, count: Int(layout.width) * channels)
        guard layout.bytes_per_sample != 4 else { return }
        let top = layout.bytes_per_sample == 2 ? 65535 : 255, scale = 1 / Float(top)
        let codes = (0...top).map { Float($0) * scale }
        let colour: [Float]
        if layout.file_gamma > 0 {
            let exponent = Float(1 / layout.file_gamma)
            colour = codes.map { powf($0, exponent) }
        } else {
            colour = codes.map(SRGB.decodeFast)
        }
        tables = channels % 2 == 0 ? Array(repeating: colour, count: channels - 1) + [codes]
                                   : Array(repeating: colour, count: channels)
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
