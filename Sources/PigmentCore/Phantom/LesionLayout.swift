import Foundation

/// Places a phantom's lesions without overlap inside the skin ellipse and
/// decides how each changes under the spec's treatment.
enum LesionLayout {
    typealias Ellipse = (cx: Double, cy: Double, ax: Double, ay: Double)

    static func make(spec: PhantomSpec, ellipse: Ellipse, scale: Double,
                     random: inout SeededRandom) -> [LesionHistory] {
        let newCount = spec.treatment == .newLesion ? 2 : (spec.treatment == .mixed ? 1 : 0)
        var placed: [Lesion] = []
        var histories: [LesionHistory] = []

        func place(radius: ClosedRange<Double>, amplitude: ClosedRange<Double>) -> Lesion? {
            for _ in 0..<400 {
                var lesion = Lesion(
                    x: 0, y: 0,
                    radius: random.uniform(radius) * scale,
                    aspect: random.uniform(0.6...1),
                    angle: random.uniform(0...Double.pi),
                    wobble: random.uniform(0...0.18),
                    lobes: Int(random.uniform(2...5.99)),
                    phase: random.uniform(0...(2 * Double.pi)),
                    amplitude: random.uniform(amplitude))
                let reach = 2 * lesion.radius * (1 + lesion.wobble)
                lesion.x = random.uniform((ellipse.cx - ellipse.ax + reach)...(ellipse.cx + ellipse.ax - reach))
                lesion.y = random.uniform((ellipse.cy - ellipse.ay + reach)...(ellipse.cy + ellipse.ay - reach))
                let u = (lesion.x - ellipse.cx) / (ellipse.ax - reach), v = (lesion.y - ellipse.cy) / (ellipse.ay - reach)
                guard u * u + v * v <= 1 else { continue }
                let clear = placed.allSatisfy { other in
                    let d = ((other.x - lesion.x) * (other.x - lesion.x) + (other.y - lesion.y) * (other.y - lesion.y)).squareRoot()
                    return d >= 1.9 * (other.radius * (1 + other.wobble) + lesion.radius * (1 + lesion.wobble)) + 4 * scale
                }
                if clear { placed.append(lesion); return lesion }
            }
            return nil
        }

        let floor = spec.contrastFloor
        for index in 0..<spec.darkerLesions {
            guard let lesion = place(radius: 7...20, amplitude: 0.22...0.45) else { continue }
            histories.append(apply(change(forDarker: index, treatment: spec.treatment), to: lesion))
        }
        for _ in 0..<spec.faintLesions {
            guard let lesion = place(radius: 7...11, amplitude: (1.2 * floor)...(1.5 * floor)) else { continue }
            let change: Change = spec.treatment == .fade ? .fade(0.6) : .unchanged
            histories.append(apply(change, to: lesion))
        }
        for _ in 0..<spec.lighterLesions {
            guard let lesion = place(radius: 9...18, amplitude: -0.3 ... -0.15) else { continue }
            histories.append(apply(.unchanged, to: lesion))
        }
        for _ in 0..<newCount {
            guard let lesion = place(radius: 8...16, amplitude: 0.18...0.4) else { continue }
            histories.append(apply(.appear, to: lesion))
        }
        return histories
    }

    enum Change {
        case unchanged, fade(Double), shrink(Double), clear, appear
    }

    static func change(forDarker index: Int, treatment: Treatment) -> Change {
        switch treatment {
        case .none, .newLesion: return .unchanged
        case .fade: return .fade(0.6)
        case .shrink: return .shrink(0.75)
        case .clear: return index.isMultiple(of: 2) ? .clear : .unchanged
        case .mixed:
            let cycle: [Change] = [.fade(0.6), .shrink(0.75), .unchanged, .clear, .fade(0.65), .shrink(0.6), .unchanged, .fade(0.75)]
            return cycle[index % cycle.count]
        }
    }

    static func apply(_ change: Change, to lesion: Lesion) -> LesionHistory {
        switch change {
        case .unchanged:
            return LesionHistory(change: "unchanged", before: lesion, after: lesion)
        case .fade(let factor):
            var after = lesion
            after.amplitude *= factor
            return LesionHistory(change: "fade", before: lesion, after: after)
        case .shrink(let factor):
            var after = lesion
            after.radius *= factor
            return LesionHistory(change: "shrink", before: lesion, after: after)
        case .clear:
            return LesionHistory(change: "clear", before: lesion, after: nil)
        case .appear:
            return LesionHistory(change: "appear", before: nil, after: lesion)
        }
    }
}
