package org.certgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.certgraph.testing.TestNeo4j;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code certgraph import}: summary, problems and exit codes, as a user sees them. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private String uri;
    private TestCert root;
    private TestCert ca;
    private TestCert leaf;

    @BeforeEach
    void setUp() {
        TestNeo4j.emptyGraph();
        uri = TestNeo4j.boltUri();
        root = TestPki.root("CN=CLI Root").build();
        ca = root.intermediate("CN=CLI CA").build();
        leaf = ca.leaf("CN=cli.example").build();
    }

    @Test
    void importsAFolderRecursivelyAndSumsItUp() {
        TestPki.writePem(dir.resolve("a/b"), "leaf.pem", leaf);
        TestPki.writeDer(dir.resolve("a"), "ca.cer", ca);
        TestPki.writePkcs7(dir, "root.p7b", root);

        CliRun run = CliRun.of("import", dir.toString(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out().strip()).isEqualTo("Imported 3 files: 3 certificates (3 new, "
                + "0 already known), 2 chain links made, 0 problems.");
    }

    @Test
    void aSecondRunFindsEverythingKnown() {
        TestPki.writePem(dir, "all.pem", leaf, ca, root);
        CliRun.of("import", dir.toString(), "--neo4j-uri", uri);

        CliRun run = CliRun.of("import", dir.toString(), "--neo4j-uri", uri);

        assertThat(run.out()).contains("3 certificates (0 new, 3 already known), 0 chain links");
    }

    @Test
    void aFileThatIsNotACertificateIsReportedAndTheRestLoaded() throws Exception {
        TestPki.writePem(dir, "good.pem", leaf);
        Files.write(dir.resolve("notes.bin"), new byte[] {0x7F, 'E', 'L', 'F', 1, 2, 3});

        CliRun run = CliRun.of("import", dir.toString(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).isEqualTo(ExitCode.IMPORT_PROBLEMS);
        assertThat(run.err()).contains("problem: ").contains("notes.bin")
                .doesNotContain("\tat ");
        assertThat(run.out()).contains("1 certificate (1 new").contains("1 problem.");
    }

    @Test
    void trustListAndPkcs12PasswordFromTheCommandLine() {
        char[] password = "s3cret".toCharArray();
        TestPki.writePkcs12(dir, "bundle.pfx", password, leaf, leaf, ca, root);

        CliRun run = CliRun.of("import", "--trust-list", "pfx-list", "--password=s3cret",
                dir.toString(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("3 certificates (3 new")
                .contains("trust list pfx-list: 3 entries added, 0 removed");
        assertThat(run.out() + run.err()).doesNotContain("s3cret");
    }

    @Test
    void aWrongPkcs12PasswordIsAProblemThatSaysHowToPassIt() {
        TestPki.writePkcs12(dir, "bundle.pfx", "right".toCharArray(), leaf, leaf, ca);

        CliRun run = CliRun.of("import", "--password=wrong", dir.toString(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).isEqualTo(ExitCode.IMPORT_PROBLEMS);
        assertThat(run.err()).contains("bundle.pfx").contains("--password");
    }

    @Test
    void embeddedDataSurvivesFromOneCommandToTheNext() throws Exception {
        TestPki.writePem(dir, "all.pem", leaf, ca, root);
        Path data = dir.resolve("data");
        Path query = Files.writeString(dir.resolve("q.graphql"),
                "{ certificates(filter: {isCA: true}) { totalCount } }");

        CliRun imported = CliRun.of("import", dir.resolve("all.pem").toString(),
                "--data", data.toString());
        CliRun queried = CliRun.of("query", query.toString(), "--data", data.toString());

        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCode.OK);
        assertThat(queried.out()).contains("\"totalCount\" : 2");
    }
}
