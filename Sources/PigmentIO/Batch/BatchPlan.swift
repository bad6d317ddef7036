import Foundation

/// What a batch will compare: found from a folder tree or read from a manifest.
public struct BatchPlan: Sendable {
    public var pairs: [BatchPair]
    public var problems: [BatchProblem]


    /// `root/<subject>/<visit>/` folders holding one photo (and optionally
    /// `mask.png`, in that photo's frame); visits sort by name. Each visit is
    /// compared with the subject's first visit and with the previous one. A
    /// folder holding `before.*` and `after.*` (at either level) is a single pair.
    public static func discover(root: String) throws(BatchError) -> BatchPlan {
        let rootURL = URL(fileURLWithPath: root)
        guard isDirectory(rootURL.path) else { throw .notAFolder(root) }
        var plan = BatchPlan(pairs: [], problems: [])
        for subject in try folders(in: rootURL) {
            let subjectURL = rootURL.appendingPathComponent(subject)
            if let single = singlePair(in: subjectURL, subject: subject, visit: "-") {
                plan.pairs.append(single)
                continue
            }
            var visits: [(name: String, photo: String, mask: String?)] = []
            for visit in try folders(in: subjectURL) {
                let visitURL = subjectURL.appendingPathComponent(visit)
                if let single = singlePair(in: visitURL, subject: subject, visit: visit) {
                    plan.pairs.append(single)
                    continue
                }
                let files = (try? FileManager.default.contentsOfDirectory(atPath: visitURL.path)) ?? []
                let photos = files.filter { isPhoto($0) && $0.lowercased() != "mask.png" }.sorted()
                guard photos.count == 1 else {
                    plan.problems.append(BatchProblem(subject: subject, visit: visit, message: photos.isEmpty
                        ? "\(visitURL.path): no photo (\(ImageFormat.photoPatterns))"
                        : "\(visitURL.path): \(photos.count) photos (\(photos.joined(separator: ", "))); a visit holds one"))
                    continue
                }
                let mask = files.first { $0.lowercased() == "mask.png" }.map { visitURL.appendingPathComponent($0).path }
                visits.append((visit, visitURL.appendingPathComponent(photos[0]).path, mask))
            }
            guard let first = visits.first else { continue }
            for (index, visit) in visits.enumerated().dropFirst() {
                plan.pairs.append(BatchPair(subject: subject, visit: visit.name, beforeVisit: first.name, reference: .baseline,
                                            before: first.photo, after: visit.photo, mask: first.mask))
                if index >= 2 {
                    let previous = visits[index - 1]
                    plan.pairs.append(BatchPair(subject: subject, visit: visit.name, beforeVisit: previous.name,
                                                reference: .previous, before: previous.photo, after: visit.photo,
                                                mask: previous.mask))
                }
            }
        }
        return plan
    }

    /// A CSV manifest with the header `subject,visit,before,after,mask` (mask
    /// may be empty); relative paths are relative to the manifest's folder.
    public static func manifest(_ path: String) throws(BatchError) -> BatchPlan {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadableManifest(path, error.localizedDescription)
        }
        let rows = CSV.parse(text)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw .badManifest(path, "empty")
        }
        let required = ["subject", "visit", "before", "after", "mask"]
        let columns = required.map { header.firstIndex(of: $0) }
        guard columns[0...3].allSatisfy({ $0 != nil }) else {
            throw .badManifest(path, "header must name the columns subject,visit,before,after,mask")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ file: String) -> String {
            file.hasPrefix("/") ? file : folder.appendingPathComponent(file).standardizedFileURL.path
        }
        var plan = BatchPlan(pairs: [], problems: [])
        var seen = Set<String>()
        for (number, row) in rows.enumerated().dropFirst() where !(row.count == 1 && row[0].isEmpty) {
            func field(_ k: Int) -> String {
                guard let c = columns[k], c < row.count else { return "" }
                return row[c].trimmingCharacters(in: .whitespaces)
            }
            let subject = field(0), visit = field(1)
            guard !subject.isEmpty, !visit.isEmpty, !field(2).isEmpty, !field(3).isEmpty else {
                plan.problems.append(BatchProblem(subject: subject.isEmpty ? "?" : subject, visit: visit.isEmpty ? "row \(number + 1)" : visit,
                                                  message: "\(path): row \(number + 1) lacks subject, visit, before or after"))
                continue
            }
            let pair = BatchPair(subject: subject, visit: visit, beforeVisit: nil, reference: .pair,
                                 before: resolve(field(2)), after: resolve(field(3)),
                                 mask: field(4).isEmpty ? nil : resolve(field(4)))
            guard seen.insert(pair.id).inserted else {
                throw .badManifest(path, "row \(number + 1) repeats subject '\(subject)', visit '\(visit)'")
            }
            plan.pairs.append(pair)
        }
        return plan
    }

    static func singlePair(in folder: URL, subject: String, visit: String) -> BatchPair? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        func find(_ stem: String) -> String? {
            files.filter { isPhoto($0) && URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent.lowercased() == stem }
                .sorted().first.map { folder.appendingPathComponent($0).path }
        }
        guard let before = find("before"), let after = find("after") else { return nil }
        let mask = files.first { $0.lowercased() == "mask.png" }.map { folder.appendingPathComponent($0).path }
        return BatchPair(subject: subject, visit: visit, beforeVisit: nil, reference: .pair,
                         before: before, after: after, mask: mask)
    }

    static func isPhoto(_ name: String) -> Bool {
        ImageFormat(pathExtension: URL(fileURLWithPath: name).pathExtension) != nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// Visible sub-folders, sorted by name.
    static func folders(in url: URL) throws(BatchError) -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
            throw .notAFolder(url.path)
        }
        return names.filter { !$0.hasPrefix(".") && isDirectory(url.appendingPathComponent($0).path) }.sorted()
    }
}
