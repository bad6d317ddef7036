/// Smooth random fields for skin texture: value noise on a lattice of a given
/// cell size, summed over octaves. It can be read at any point, so a moved
/// camera sees the same skin.
struct FractalNoise: Sendable {
    struct Octave: Sendable {
        var cell: Double
        var columns: Int
        var lattice: [Float]
    }

    let width: Int
    let height: Int
    let octaves: [Octave]

    /// One octave per (cell size in pixels, standard deviation of lattice values).
    init(width: Int, height: Int, octaves: [(cell: Double, amplitude: Double)], random: inout SeededRandom) {
        self.width = width
        self.height = height
        self.octaves = octaves.map { octave in
            let cell = max(1, octave.cell)
            let columns = Int(Double(width) / cell) + 3, rows = Int(Double(height) / cell) + 3
            let lattice = (0..<(columns * rows)).map { _ in Float(octave.amplitude * random.gaussian()) }
            return Octave(cell: cell, columns: columns, lattice: lattice)
        }
    }

    /// The field at pixel coordinates (x, y) (pixel indices; clamped to the frame).
    func value(x: Double, y: Double) -> Float {
        let x = min(max(x, 0), Double(width - 1)), y = min(max(y, 0), Double(height - 1))
        var out: Float = 0
        for octave in octaves {
            let gy = y / octave.cell, gx = x / octave.cell
            let j = Int(gy), i = Int(gx)
            let ty = Float(Self.smooth(gy - Double(j))), tx = Float(Self.smooth(gx - Double(i)))
            let columns = octave.columns, lattice = octave.lattice
            let a = lattice[j * columns + i], b = lattice[j * columns + i + 1]
            let c = lattice[(j + 1) * columns + i], d = lattice[(j + 1) * columns + i + 1]
            out += (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty
        }
        return out
    }

    private static func smooth(_ t: Double) -> Double { t * t * (3 - 2 * t) }
}
