import CImageIO
import Foundation
import PigmentCore

/// Takes a decoder's rows as they are made, converts them to linear light
/// (PNG codes by table, JPEG sRGB floats by ``SRGB/decodeFast(_:)``, or, when
/// the file embeds an ICC profile, by ``ProfileConversion``), and reduces them into
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
    /// The embedded profile's conversion to linear sRGB; one row's colour
    /// samples encoded as 0–1 (PNG), and the row converted (alpha put back last).
    private var conversion: ProfileConversion?
    private var encoded: [Float] = []
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
        if let conversion {
            return convert(row, layout: layout, by: conversion, y: y)
        }
        switch layout.bytes_per_sample {
        case 4:
            SRGB.withDecodeTable { table in
                averager!.add(row: row.assumingMemoryBound(to: Float.self), y: y) { v, _ in SRGB.decodeFast(v, table: table) }
            }
        case 2: add(codes: row.assumingMemoryBound(to: UInt16.self), y: y)
        default: add(codes: row.assumingMemoryBound(to: UInt8.self), y: y)
        }
    }

    /// Adds a row of a photo with a profile: its colour converted to linear
    /// sRGB, its alpha (PNG) read as 0–1.
    private func convert(_ row: UnsafeRawPointer, layout: cimageio_layout, by conversion: ProfileConversion, y: Int) {
        let width = Int(layout.width), alpha = layout.channels == 4
        converted.withUnsafeMutableBufferPointer { out in
            switch layout.bytes_per_sample {
            case 4: conversion.convert(row.assumingMemoryBound(to: Float.self), pixels: width, into: out.baseAddress!)
            case 2: convert(codes: row.assumingMemoryBound(to: UInt16.self), top: 65535, width: width, alpha: alpha,
                            by: conversion, into: out.baseAddress!)
            default: convert(codes: row.assumingMemoryBound(to: UInt8.self), top: 255, width: width, alpha: alpha,
                             by: conversion, into: out.baseAddress!)
            }
            averager!.add(row: UnsafePointer(out.baseAddress!), y: y) { v, _ in v }
        }
    }

    /// PNG codes (R, G, B and, with `alpha`, A) to linear sRGB and alpha in `out`.
    private func convert<Code: BinaryInteger>(codes row: UnsafePointer<Code>, top: Int, width: Int, alpha: Bool,
                                              by conversion: ProfileConversion, into out: UnsafeMutablePointer<Float>) {
        let channels = alpha ? 4 : 3, scale = 1 / Float(top)
        encoded.withUnsafeMutableBufferPointer { encoded in
            for x in 0..<width {
                for c in 0..<3 { encoded[3 * x + c] = Float(row[x * channels + c]) * scale }
            }
            conversion.convert(encoded.baseAddress!, pixels: width, into: out)
        }
        guard alpha else { return }
        // Spread R, G, B from three to four samples a pixel, from the last pixel back.
        for x in stride(from: width - 1, through: 0, by: -1) {
            out[4 * x + 3] = Float(row[4 * x + 3]) * scale
            for c in stride(from: 2, through: 0, by: -1) { out[4 * x + c] = out[3 * x + c] }
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
        if layout.channels >= 3 {
            do {
                if let icc = layout.icc_profile, layout.icc_length > 0 {
                    conversion = try ProfileConversion.make(icc: UnsafeRawBufferPointer(start: icc, count: Int(layout.icc_length)))
                } else if layout.cicp_transfer > 0 {
                    let primaries = withUnsafeBytes(of: layout.cicp_primaries) { Array($0.bindMemory(to: Float.self)) }
                    conversion = try ProfileConversion.make(primaries: primaries, transfer: Int(layout.cicp_transfer))
                }
            } catch {
                failure = error
                return
            }
            if conversion != nil {
                encoded = [Float](repeating: 0, count: Int(layout.width) * 3)
                converted = [Float](repeating: 0, count: Int(layout.width) * Int(layout.channels))
            }
        }
        let longSide = Int(max(layout.width, layout.height))
        let factor = maxLongSide.map { max(1, (longSide + $0 - 1) / $0) } ?? 1
        let channels = Int(layout.channels)
        averager = BlockAverager(width: Int(layout.width), height: Int(layout.height), channels: channels, factor: factor,
                                 centreOnly: blocks == .centre)
        // Float rows, and rows a profile converts, need no tables.
        guard layout.bytes_per_sample != 4, conversion == nil else { return }
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
