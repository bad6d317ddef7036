import Foundation

/// A folder holding one `before.*` and one `after.*` photo (PNG, JPEG or HEIF), and
/// optionally `mask.png` and a phantom's `truth.json`.
public struct FixturePair: Sendable, Equatable {
    /// Path of the folder relative to the fixtures root, e.g. `pairs/fade`.
    public var id: String
    public var before: String
    public var after: String
    public var mask: String?
    public var truth: String?

    /// The files whose content the baseline records, by name.
    public var inputs: [String: String] {
        var files = [name(before): before, name(after): after]
        if let mask { files[name(mask)] = mask }
        return files
    }

    private func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    /// Every pair folder below `root`, sorted by id.
    public static func discover(in root: String) throws(ImageFileError) -> [FixturePair] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadable(path: root, reason: "not a folder")
        }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        var pairs: [FixturePair] = []
        var folders = [rootURL]
        while let folder = folders.popLast() {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            func photo(_ stem: String) -> String? {
                names.first { name in
                    let url = URL(fileURLWithPath: name)
                    return url.deletingPathExtension().lastPathComponent == stem && ImageFormat(pathExtension: url.pathExtension) != nil
                }.map { folder.appendingPathComponent($0).path }
            }
            if let before = photo("before"), let after = photo("after") {
                let id = String(folder.path.dropFirst(rootURL.path.count).drop { $0 == "/" })
                pairs.append(FixturePair(
                    id: id.isEmpty ? "." : id, before: before, after: after,
                    mask: names.contains("mask.png") ? folder.appendingPathComponent("mask.png").path : nil,
                    truth: names.contains("truth.json") ? folder.appendingPathComponent("truth.json").path : nil))
            }
            for name in names {
                let child = folder.appendingPathComponent(name)
                var childIsDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: child.path, isDirectory: &childIsDirectory), childIsDirectory.boolValue {
                    folders.append(child)
                }
            }
        }
        return pairs.sorted { $0.id < $1.id }
    }
}
