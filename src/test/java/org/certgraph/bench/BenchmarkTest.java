package org.certgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark at a tiny size: every figure is produced (timings are not checked). */
class BenchmarkTest {

    @TempDir
    Path cache;

    @Test
    void producesEveryFigure() throws Exception {
        StringWriter text = new StringWriter();
        List<Benchmark.Figure> figures = Benchmark.run(
                new Benchmark.Options(300, 1, 7, 2, cache), new PrintWriter(text));

        assertThat(figures).extracting(Benchmark.Figure::name).contains(
                "parse only: AD CS dumps, no database",
                "raw driver write: certificates",
                "import rate",
                "import / raw driver write (certificates)",
                "chain linking (inside the import)",
                "impact: trust entry removed (shared list) p95",
                "impact: a pool's certificates reassigned p99",
                "impact: firmware upgrade (HP 4120) p50",
                "readiness report (new root) p95",
                "GraphQL / direct (p50)",
                "naive PKIX / certgraph direct (p50)",
                "heap peak (in use at one instant)",
                "heap peak left after a collection",
                "resident memory peak (VmHWM)");
        assertThat(figures).allSatisfy(f -> assertThat(f.value()).isNotNaN());
        assertThat(figures).filteredOn(f -> f.name().equals("verified issuer links (ISSUED_BY)"))
                .singleElement().satisfies(f -> assertThat(f.value()).isGreaterThanOrEqualTo(300));
        assertThat(text.toString()).contains("Summary");
    }

    @Test
    void theSameSeedGivesTheSameEstate() throws Exception {
        Path a = EstateGenerator.ensure(cache.resolve("a"), 200, 3);
        Path b = EstateGenerator.ensure(cache.resolve("b"), 200, 3);
        assertThat(EstateGenerator.facts(a)).isEqualTo(EstateGenerator.facts(b));
        assertThat(a.resolve("2-adcs/adcs-bench-issuing-ca-1.csv"))
                .hasSameBinaryContentAs(b.resolve("2-adcs/adcs-bench-issuing-ca-1.csv"));
    }
}
