import Foundation
import PackagePlugin

/// Compiles docs/steady.1 into the `steady` executable as `ServiceManualPage.text`, so that
/// `steady service install` can write the man page without the source tree, and the page is
/// kept in one place only (docs/steady.1, written by scripts/generate-manual).
///
/// The text goes into a raw string literal between lines of their own; the build reruns when
/// docs/steady.1 changes. Runs `/bin/sh`, nothing from the network.
@main struct EmbedManualPage: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let page = context.package.directoryURL.appending(path: "docs/steady.1")
        let output = context.pluginWorkDirectoryURL.appending(path: "ServiceManualPage.swift")
        let script = """
            {
              printf '%s\\n' '// Generated at build time from docs/steady.1 by the EmbedManualPage plugin.' '' \
                '/// The man page steady(1), as `steady service install` writes it.' \
                'enum ServiceManualPage {' '    static let text = #\"\"\"'
              cat "$1"
              printf '%s\\n' '' '\"\"\"#' '}'
            } > "$2"
            """
        return [.buildCommand(
            displayName: "Embedding docs/steady.1",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", script, "sh", page.path, output.path],
            inputFiles: [page], outputFiles: [output])]
    }
}
