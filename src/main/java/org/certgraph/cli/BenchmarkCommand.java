package org.certgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.certgraph.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code certgraph benchmark}: measures import, chains and impact on a generated estate. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Generates a synthetic estate (cached by size and seed), then measures at"
            + " N, 2N and 4N certificates: the reader alone, the driver's raw write rate, the"
            + " import and its chain linking, impact questions directly and over GraphQL, the"
            + " naive per-pair PKIX validation, and memory. Each size runs in a fresh"
            + " temporary database that is deleted afterwards."})
public final class BenchmarkCommand implements Callable<Integer> {

    static final int DEFAULT_SIZE = 1_000_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--size", paramLabel = "N",
            description = "Certificates at the first size (default ${DEFAULT-VALUE}).")
    private int size = DEFAULT_SIZE;

    @Option(names = "--scale", paramLabel = "FACTOR",
            description = "Size as a multiple of the default estate of 1,000,000 certificates,"
                    + " 10,000 servers in 1,000 pools and 200,000 phones (e.g. 0.01); "
                    + "overrides --size.")
    private Double scale;

    @Option(names = "--steps", paramLabel = "K",
            description = "How many sizes: N, 2N, 4N, ... (default ${DEFAULT-VALUE}).")
    private int steps = 3;

    @Option(names = "--seed", description = "Seed of the generated estate (default "
            + "${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--runs", paramLabel = "R",
            description = "Repetitions of each impact question (default ${DEFAULT-VALUE}).")
    private int runs = 30;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where generated estates are kept (default: ~/.cache/certgraph-bench).")
    private Path cache;

    @Override
    public Integer call() throws Exception {
        int n = scale == null ? size : (int) Math.round(DEFAULT_SIZE * scale);
        if (n < 100 || steps < 1 || runs < 1) {
            throw new IllegalArgumentException("The size must be at least 100 certificates, and"
                    + " --steps and --runs at least 1.");
        }
        Path dir = cache != null ? cache
                : Path.of(System.getProperty("user.home"), ".cache", "certgraph-bench");
        PrintWriter out = spec.commandLine().getOut();
        Benchmark.run(new Benchmark.Options(n, steps, seed, runs, dir), out);
        return ExitCode.OK;
    }
}
