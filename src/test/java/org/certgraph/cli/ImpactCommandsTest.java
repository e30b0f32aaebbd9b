package org.certgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportProgress;
import org.certgraph.core.ImportRequest;
import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The impact commands on the sample estate: formats and the exit codes pipelines gate on. */
class ImpactCommandsTest {

    private static final String NEW_ROOT = "CFFFFEDA3794B9FED0A68E311A7ED90E9917BD4C";
    private static final String FE01_NEW = "96479953CDF0BA825A03D2B35230866FFA76A318";

    @TempDir
    static Path dir;

    private static String uri;

    @BeforeAll
    static void sampleEstate() {
        CertGraph graph = TestNeo4j.emptyGraph();
        graph.importCertificates(ImportRequest.of(List.of(Path.of("importers", "samples"))),
                ImportProgress.NONE);
        uri = TestNeo4j.boltUri();
    }

    @Test
    void aHarmfulChangeExitsSixWithATable() throws Exception {
        CliRun run = CliRun.of("impact", step().toString(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.HARMFUL);
        assertThat(run.out()).contains("Summary: 0 broken, 5 degraded")
                .contains("Relying party").contains("UNTRUSTED")
                .contains("which no trust list of this party holds as a root");
    }

    @Test
    void jsonIsTheGraphQLAnswer() throws Exception {
        CliRun run = CliRun.of("impact", step().toString(), "--format", "json",
                "--neo4j-uri", uri);

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/summary/degraded").asInt()).isEqualTo(5);
        assertThat(json.at("/summary/phonesAffected").asInt()).isEqualTo(110);
        assertThat(json.at("/changes/0/kind").asText()).isEqualTo("assignCertificate");
        assertThat(json.at("/dependencies/0/after/servers").isArray()).isTrue();
    }

    @Test
    void markdownIsReadyForAChangeRecord() throws Exception {
        CliRun run = CliRun.of("impact", step().toString(), "--format", "markdown",
                "--neo4j-uri", uri);

        assertThat(run.out()).startsWith("## Impact at ").contains("| Relying party |")
                .contains("|---|");
    }

    @Test
    void readinessWithBlockersExitsSix() {
        CliRun run = CliRun.of("readiness", NEW_ROOT, "--neo4j-uri", uri);

        assertThat(run.exitCode()).isEqualTo(ExitCode.HARMFUL);
        assertThat(run.out()).contains("20 blockers").contains("FIRMWARE").contains("TRUST");
    }

    @Test
    void aHarmlessMigrationPlanExitsZero() {
        CliRun run = CliRun.of("migration-plan", NEW_ROOT.toLowerCase(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("no step breaks or degrades anything");
    }

    @Test
    void aPlanFromJsonWithStepsRuns() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"steps\": [{\"addTrust\": "
                + "{\"trustList\": \"webservice:global\", \"certificate\": \"" + NEW_ROOT
                + "\"}}]}");

        CliRun run = CliRun.of("plan", plan.toString(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("add " + NEW_ROOT + " to trust list webservice:global");
    }

    @Test
    void aChangeNamingAnUnknownServerIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "- takeServerOffline: "
                + "{server: nope.contoso.com}\n");

        CliRun run = CliRun.of("impact", file.toString(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("No server nope.contoso.com").doesNotContain("\tat ");
    }

    @Test
    void aChangeFileThatIsNotAListSaysWhatItShouldBe() throws Exception {
        Path file = Files.writeString(dir.resolve("odd.yaml"), "hello: world\n");

        CliRun run = CliRun.of("impact", file.toString(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("odd.yaml").contains("expected a list of changes");
    }

    @Test
    void aMistakeInAChangeFileNamesTheFileAndTheChange() throws Exception {
        Path file = Files.writeString(dir.resolve("typo.yaml"), "- takeServerOffline: "
                + "{server: fe01.contoso.com}\n- frobnicate: {server: x}\n");

        CliRun run = CliRun.of("impact", file.toString(), "--neo4j-uri", uri);

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("typo.yaml: change 2: Unknown change frobnicate");
    }

    private static Path step() throws Exception {
        return Files.writeString(dir.resolve("step.yaml"), "- assignCertificate: {server: "
                + "fe01.contoso.com, use: WebServicesInternal, certificate: \"" + FE01_NEW
                + "\"}\n");
    }
}
