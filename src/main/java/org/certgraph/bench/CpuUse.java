package org.certgraph.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the processor time of one phase went, by kind of thread. Threads are sampled every
 * 100 ms, so a thread that ends during the phase (a writer thread per file, an idle pool
 * worker) keeps what it used up to its last sample. What no Java thread accounts for (the JIT
 * compilers and the garbage collector run on threads the JVM does not list) is the process's
 * time minus the threads'.
 */
final class CpuUse {

    static final String READER = "reader: parsing files (main thread)";
    static final String CHECKER = "checker: certificates, issuers, signatures";
    static final String WRITER = "writer: transactions through the driver";
    static final String POOL = "signature checks (worker pool)";
    static final String NEO4J = "Neo4j: queries, storage, Bolt";
    static final String DRIVER = "driver network I/O";
    static final String REST = "JIT compilers, GC, other threads";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> atStart = new HashMap<>();
    private final Map<Long, Long> used = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long processAtStart;
    private final Thread sampler;

    private CpuUse() {
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                atStart.put(id, cpu);
            }
        }
        processAtStart = os.getProcessCpuTime();
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "certgraph-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static CpuUse start() {
        return new CpuUse();
    }

    /** Stops sampling; seconds of processor time by kind of thread, in a fixed order. */
    Map<String, Double> stop() {
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String kind : new String[] {READER, CHECKER, POOL, WRITER, NEO4J, DRIVER, REST}) {
            seconds.put(kind, 0.0);
        }
        double threadsTotal = 0;
        synchronized (this) {
            for (var e : used.entrySet()) {
                String name = names.getOrDefault(e.getKey(), "");
                if (name.equals("certgraph-cpu-sampler")) {
                    continue;
                }
                double s = e.getValue() / 1e9;
                seconds.merge(kind(name), s, Double::sum);
                threadsTotal += s;
            }
        }
        double process = (os.getProcessCpuTime() - processAtStart) / 1e9;
        seconds.merge(REST, Math.max(0, process - threadsTotal), Double::sum);
        return seconds;
    }

    private synchronized void sample() {
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu < 0) {
                continue;
            }
            used.merge(id, cpu - atStart.getOrDefault(id, 0L), Math::max);
            if (!names.containsKey(id)) {
                ThreadInfo info = threads.getThreadInfo(id);
                if (info != null) {
                    names.put(id, info.getThreadName());
                }
            }
        }
    }

    private static String kind(String name) {
        if (name.equals("main")) {
            return READER;
        }
        if (name.startsWith("certgraph-checker")) {
            return CHECKER;
        }
        if (name.startsWith("certgraph-writer")) {
            return WRITER;
        }
        if (name.startsWith("ForkJoinPool")) {
            return POOL;
        }
        if (name.startsWith("neo4j") || name.startsWith("Muninn")) {
            return NEO4J;
        }
        if (name.startsWith("Neo4jDriverIO")) {
            return DRIVER;
        }
        return REST;
    }
}
