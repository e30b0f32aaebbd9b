package org.certgraph.cli;

import java.io.PrintWriter;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.certgraph.core.ImportProgress;

/**
 * Import progress for a person: a progress bar on a terminal, otherwise a plain line every few
 * seconds so logs of scripted runs stay readable.
 */
abstract class ProgressDisplay implements ImportProgress, AutoCloseable {

    static ProgressDisplay create(PrintWriter err) {
        return System.console() != null ? new Bar() : new Lines(err);
    }

    @Override
    public void close() {
    }

    private static final class Bar extends ProgressDisplay {
        private ProgressBar bar;

        @Override
        public void started(int files) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Reading")
                    .setInitialMax(files)
                    .setUnit(" files", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        }

        @Override
        public void fileRead(String file, int certificates) {
            bar.step();
        }

        @Override
        public void finished() {
            close();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }

    private static final class Lines extends ProgressDisplay {
        private static final long EVERY_NANOS = 5_000_000_000L;
        private final PrintWriter err;
        private int total;
        private int done;
        private long last = System.nanoTime();

        Lines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void started(int files) {
            total = files;
            err.println("Reading " + files + (files == 1 ? " file" : " files") + "…");
            err.flush();
        }

        @Override
        public void fileRead(String file, int certificates) {
            done++;
            long now = System.nanoTime();
            if (now - last >= EVERY_NANOS) {
                last = now;
                err.println("Read " + done + " of " + total + " files");
                err.flush();
            }
        }
    }
}
