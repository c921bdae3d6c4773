import Foundation
import SteadyTestSupport
import Testing

@testable import SteadyInstall

/// `steady service install` copies the translations with the executable, to where the copy
/// looks for them, and `uninstall` takes them away again.
@Suite struct ServiceInstallerTranslationsTests {
    @Test func install_copiesEachCatalogue_besideTheExecutable_andUninstallRemovesThem() throws {
        let setup = try ServiceInstallerTests.Setup()
        let catalogues = setup.directory.file("build/locale")
        let german = try setup.directory.write("build/locale/de/LC_MESSAGES/steady.mo", "German catalogue bytes")
        try setup.directory.write("build/locale/fr/LC_MESSAGES/other.mo", "not steady's")
        try setup.installer().install(source: setup.source, files: [], catalogues: catalogues, dryRun: false)

        let installed = setup.home + "/.local/share/locale/de/LC_MESSAGES/steady.mo"
        #expect(FileManager.default.contentsEqual(atPath: german, andPath: installed))
        #expect(setup.mode(installed) == 0o644)
        #expect(!setup.exists(setup.home + "/.local/share/locale/fr"))
        #expect(setup.report.contains("copied the translations (de) to \(setup.home)/.local/share/locale"), "\(setup.report)")

        try setup.installer().uninstall(files: [], purge: false, confirmed: false, dryRun: false)
        #expect(!setup.exists(installed))
        #expect(setup.report.contains("removed \(installed)"), "\(setup.report)")
    }

    @Test func aDryRun_saysItWouldCopyThem_andCopiesNothing() throws {
        let setup = try ServiceInstallerTests.Setup()
        try setup.directory.write("build/locale/de/LC_MESSAGES/steady.mo", "German catalogue bytes")
        try setup.installer().install(source: setup.source, files: [], catalogues: setup.directory.file("build/locale"), dryRun: true)
        #expect(setup.report.contains("would copy the translations (de) to \(setup.home)/.local/share/locale"), "\(setup.report)")
        #expect(!setup.exists(setup.home + "/.local/share/locale"))
    }

    @Test func theCatalogueDirectory_isShareLocale_besideBin() {
        #expect(ServiceInstaller.catalogueDirectory(besides: "/home/ana/.local/bin/steady") == "/home/ana/.local/share/locale")
        #expect(ServiceInstaller.catalogueDirectory(besides: "/opt/steady/steady") == nil)
    }
}
