import Foundation

/// A binary image: `true` marks a pixel that belongs to the region.
public struct Mask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var bits: [Bool]

    public init(width: Int, height: Int, bits: [Bool]) {
        precondition(bits.count == width * height, "bit count does not match size")
        self.width = width
        self.height = height
        self.bits = bits
    }

    /// A mask with every pixel set to `value`.
    public init(width: Int, height: Int, value: Bool = true) {
        self.init(width: width, height: height, bits: [Bool](repeating: value, count: width * height))
    }

    /// Thresholds a plane: pixels whose value is at least `threshold` are set.
    public init(plane: Plane, threshold: Float) {
        self.init(plane: plane) { $0 >= threshold }
    }

    /// The pixels of `plane` whose value satisfies `rule`, written as bytes
    /// in a loop the compiler vectorises (`Array.map` appended them one by one).
    @inline(__always)
    public init(plane: Plane, where rule: (Float) -> Bool) {
        self.init(width: plane.width, height: plane.height) { out in
            plane.samples.withUnsafeBufferPointer { values in
                for i in 0..<values.count { out[i] = rule(values[i]) ? 1 : 0 }
            }
        }
    }

    /// A mask whose pixels `fill` writes as bytes, every one of them and each
    /// 0 or 1 (a `Bool` is stored as the byte 0 or 1; any other byte would not
    /// be a `Bool`, so this stays inside the module): for loops of byte logic
    /// that the compiler vectorises.
    @inline(__always)
    init(width: Int, height: Int, fillingBytes fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        let count = width * height
        let bits = [Bool](unsafeUninitializedCapacity: count) { out, filled in
            out.withMemoryRebound(to: UInt8.self) { fill(UnsafeMutableBufferPointer(rebasing: $0[..<count])) }
            filled = count
        }
        self.init(width: width, height: height, bits: bits)
    }

    public subscript(x: Int, y: Int) -> Bool {
        get { bits[y * width + x] }
        set { bits[y * width + x] = newValue }
    }

    /// Number of set pixels.
    public var population: Int {
        // A `Bool` is stored as the byte 0 or 1: the count is their sum
        // (in 32-bit lanes, in chunks that cannot overflow them).
        bits.withUnsafeBytes { bytes in
            var count = 0, start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 << 30)
                var chunk: UInt32 = 0
                for i in start..<end { chunk &+= UInt32(bytes[i]) }
                count += Int(chunk)
                start = end
            }
            return count
        }
    }

    /// Indices of the set pixels, in order.
    var setIndices: [Int] {
        var indices: [Int] = []
        indices.reserveCapacity(population)
        for i in bits.indices where bits[i] { indices.append(i) }
        return indices
    }

    /// Pixels not set here.
    public var inverted: Mask { mapped { 1 ^ $0 } }

    /// Pixels set in both masks.
    public func intersection(_ other: Mask) -> Mask { combined(with: other) { $0 & $1 } }

    /// Pixels set in either mask.
    public func union(_ other: Mask) -> Mask { combined(with: other) { $0 | $1 } }

    /// Pixels set here but not in `other`.
    public func subtracting(_ other: Mask) -> Mask { combined(with: other) { $0 & (1 ^ $1) } }

    /// The mask whose bytes (0 or 1) are `rule` of this one's; `rule` keeps 0 and 1 as 0 or 1.
    @inline(__always)
    private func mapped(_ rule: (UInt8) -> UInt8) -> Mask {
        Mask(width: width, height: height) { out in
            bits.withUnsafeBytes { a in
                for i in 0..<a.count { out[i] = rule(a[i]) }
            }
        }
    }

    /// The mask whose bytes (0 or 1) are `rule` of both masks' bytes, which
    /// keeps 0 and 1 as 0 or 1: byte-wise logic the compiler vectorises.
    @inline(__always)
    private func combined(with other: Mask, _ rule: (UInt8, UInt8) -> UInt8) -> Mask {
        precondition(width == other.width && height == other.height, "mask sizes differ")
        return Mask(width: width, height: height) { out in
            bits.withUnsafeBytes { a in
                other.bits.withUnsafeBytes { b in
                    for i in 0..<a.count { out[i] = rule(a[i], b[i]) }
                }
            }
        }
    }

    /// Grows the set region by `radius` pixels (square structuring element,
    /// separable): a pixel is set when any pixel within `radius` rows and
    /// columns of it is. Both passes run along rows with running counts.
    public func dilated(by radius: Int) -> Mask {
        guard radius > 0 else { return self }
        let w = width, h = height
        // Horizontal: each run of set pixels, found with memchr, widened by `radius`.
        var horizontal = [UInt8](repeating: 0, count: bits.count)
        bits.withUnsafeBytes { src in
            horizontal.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let row = src.baseAddress! + y * w
                    var x = 0
                    while x < w, let set = memchr(row + x, 1, w - x) {
                        let start = row.distance(to: UnsafeRawPointer(set))
                        let end = memchr(row + start, 0, w - start).map { row.distance(to: UnsafeRawPointer($0)) } ?? w
                        let lo = max(0, start - radius), hi = min(w, end + radius)
                        (dst.baseAddress! + y * w + lo).update(repeating: 1, count: hi - lo)
                        x = end
                    }
                }
            }
        }
        // Vertical: per column, the number of horizontally set rows within
        // `radius` (at most 2 × radius + 1: wrapping arithmetic, so that the
        // row loops are vectorised).
        var counts = [Int32](repeating: 0, count: w)
        return Mask(width: w, height: h) { dst in
            horizontal.withUnsafeBufferPointer { src in
                counts.withUnsafeMutableBufferPointer { counts in
                    for y in 0..<min(radius, h) {
                        let add = src.baseAddress! + y * w
                        for x in 0..<w { counts[x] &+= Int32(add[x]) }
                    }
                    for y in 0..<h {
                        if y + radius < h {
                            let add = src.baseAddress! + (y + radius) * w
                            for x in 0..<w { counts[x] &+= Int32(add[x]) }
                        }
                        if y - radius - 1 >= 0 {
                            let remove = src.baseAddress! + (y - radius - 1) * w
                            for x in 0..<w { counts[x] &-= Int32(remove[x]) }
                        }
                        let row = dst.baseAddress! + y * w
                        for x in 0..<w { row[x] = counts[x] > 0 ? 1 : 0 }
                    }
                }
            }
        }
    }
}
