package org.certgraph.cli;

import java.io.PrintWriter;

import org.certgraph.graph.GraphUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code certgraph} command line. */
@Command(name = "certgraph", mixinStandardHelpOptions = true, version = "certgraph 0.1.0",
        description = "A knowledge graph of certificate dependencies with impact queries on top.",
        subcommands = {ServeCommand.class, ImportCommand.class, QueryCommand.class,
            ImpactCommands.Impact.class, ImpactCommands.Plan.class,
            ImpactCommands.Readiness.class, ImpactCommands.MigrationPlan.class,
            BenchmarkCommand.class,
            HelpCommand.class})
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.configure();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command with the given output streams and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(Main::exitCode)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("certgraph: " + message(e));
                    commandLine.getErr().flush();
                    return exitCode(e);
                });
        cli.setParameterExceptionHandler((e, args1) -> {
            e.getCommandLine().getErr().println("certgraph: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '"
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        return cli.execute(args);
    }

    private static int exitCode(Throwable e) {
        if (e instanceof GraphUnavailableException) {
            return ExitCode.GRAPH_UNAVAILABLE;
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.INTERNAL_ERROR;
    }

    private static String message(Throwable e) {
        if (e instanceof GraphUnavailableException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "internal error: " + detail + " (please report it with the command that caused it)";
    }
}
