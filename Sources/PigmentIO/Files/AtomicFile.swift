import Foundation

/// Writes files so that readers see either the old file or the complete new
/// one: data goes to a temporary file in the same folder, then is renamed.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws(ImageFileError) {
        try write(to: path) { (temporary: String) throws(ImageFileError) in
            do { try data.write(to: URL(fileURLWithPath: temporary)) } catch {
                throw .writeFailed(path: path, reason: error.localizedDescription)
            }
        }
    }

    /// Calls `produce` with a temporary path beside `path`, then renames it into place.
    /// The temporary file is removed when `produce` fails.
    public static func write(to path: String, _ produce: (String) throws(ImageFileError) -> Void) throws(ImageFileError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        do {
            try produce(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }
}
