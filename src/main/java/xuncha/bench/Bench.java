package xuncha.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import xuncha.cli.Main;
import xuncha.facts.FactBase;
import xuncha.load.FactLoader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The measurements behind {@code bench/run}, one per JVM so that each starts cold, as a user's run does:
 *
 * <pre>
 * parse DIR              the floor: every YAML file under DIR parsed into Jackson trees, nothing else
 * load DIR [JOBS]        load and validate into a fact base
 * check DIR OUT [JOBS]   the whole xuncha check, JSON report written to OUT
 * profile FILE.jfr       where a JFR recording of a check spent its samples, by phase
 * </pre>
 *
 * Each prints one line {@code key=value …}: {@code ms} (wall time inside the JVM), {@code facts},
 * {@code peak_heap_mb} (the most heap in use at any 5 ms sample).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Bench parse DIR | load DIR [JOBS] | check DIR OUT [JOBS] | profile FILE.jfr");
            System.exit(2);
        }
        if (args[0].equals("profile")) {
            profile(Path.of(args[1]));
            return;
        }
        HeapWatch heap = new HeapWatch();
        heap.start();
        long start = System.nanoTime();
        Map<String, Object> out = new LinkedHashMap<>();
        switch (args[0]) {
            case "parse" -> out.put("nodes", parse(Path.of(args[1])));
            case "load" -> {
                int jobs = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
                FactBase facts = new FactLoader(StandardCharsets.UTF_8, jobs).load(List.of(args[1]));
                out.put("facts", facts.facts().count());
                System.gc();
                out.put("live_mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576);
                out.put("kept", facts.origins().size());
            }
            case "check" -> {
                String jobs = args.length > 3 ? args[3] : String.valueOf(Runtime.getRuntime().availableProcessors());
                StringWriter err = new StringWriter();
                int status = Main.run(new String[] {"check", "--fail-on", "never", "--jobs", jobs, "--format", "json",
                        "--output", args[2], args[1]}, new PrintWriter(new StringWriter()), new PrintWriter(err));
                if (status != 0) {
                    System.err.print(err);
                    System.exit(status);
                }
            }
            default -> {
                System.err.println("unknown measurement " + args[0]);
                System.exit(2);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        heap.finish();
        StringBuilder line = new StringBuilder(args[0]).append(" ms=").append(ms);
        out.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        line.append(String.format(Locale.ROOT, " peak_heap_mb=%.0f", heap.peak() / 1048576.0));
        line.append(" rss_mb=").append(peakRssMb());
        // The CPU time of the whole process so far, every thread (the JIT's and the collector's too), JVM start included.
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            line.append(" cpu_ms=").append(os.getProcessCpuTime() / 1_000_000);
        }
        System.out.println(line);
    }

    /** The process's peak resident set (Linux's VmHWM), or "n/a". */
    private static String peakRssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return String.valueOf(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }

    /** Every YAML file under {@code dir} read into a tree; the number of nodes, so the work is not optimized away. */
    static long parse(Path dir) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        long nodes = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                nodes += count(yaml.readTree(f.toFile()));
            }
        }
        return nodes;
    }

    private static long count(JsonNode n) {
        long c = 1;
        for (JsonNode child : n) {
            c += count(child);
        }
        return c;
    }

    /** The most heap in use, sampled every 5 ms. */
    private static final class HeapWatch extends Thread {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        HeapWatch() {
            super("heap-watch");
            setDaemon(true);
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            running = false;
            join();
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        long peak() {
            return peak.get();
        }
    }

    /** The phases a check's samples fall in, by the first frame of ours (or of a library) on the stack. */
    private static final List<String[]> PHASES = List.of(
            new String[] {"xuncha.engine.RulePack.load", "compile the rule pack"},
            new String[] {"xuncha.engine.Engine", "rule engine (sessions)"},
            new String[] {"xuncha.facts.Partitions", "split by county"},
            new String[] {"org.yaml.snakeyaml", "YAML parsing"},
            new String[] {"xuncha.yaml.TypingMistakes", "looking for typing mistakes"},
            new String[] {"xuncha.yaml.YamlComposer", "building YAML nodes"},
            new String[] {"xuncha.yaml.PlainScalars", "building YAML nodes"},
            new String[] {"xuncha.load.FactsDigest", "the facts' SHA-256"},
            new String[] {"sun.security.provider", "the facts' SHA-256"},
            new String[] {"xuncha.yaml.YamlReader", "reading and decoding files"},
            new String[] {"xuncha.load.Linker", "linking and cross-record checks"},
            new String[] {"xuncha.load", "reading records from YAML nodes"},
            new String[] {"xuncha.report", "building and writing the report"},
            new String[] {"xuncha.render", "building and writing the report"});

    static void profile(Path jfr) throws IOException {
        Map<String, Integer> byPhase = new LinkedHashMap<>();
        PHASES.forEach(p -> byPhase.putIfAbsent(p[1], 0));
        byPhase.put("other (JVM start, class loading, GC helpers)", 0);
        Map<String, Integer> hot = new LinkedHashMap<>();
        int total = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                total++;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                // The innermost stage: the first frame from the top that belongs to one (the records
                // read inside the YAML reader's callback count as reading records, not as the reader).
                String phase = "other (JVM start, class loading, GC helpers)";
                search:
                for (RecordedFrame f : frames) {
                    String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                    for (String[] p : PHASES) {
                        if (name.startsWith(p[0])) {
                            phase = p[1];
                            break search;
                        }
                    }
                }
                byPhase.merge(phase, 1, Integer::sum);
                if (!frames.isEmpty()) {
                    RecordedFrame top = frames.get(0);
                    hot.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
                }
            }
        }
        System.out.println("| phase | share of samples |");
        System.out.println("|---|---|");
        final int n = Math.max(1, total);
        byPhase.entrySet().stream().filter(en -> en.getValue() > 0)
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(en -> System.out.printf(Locale.ROOT, "| %s | %d%% |%n", en.getKey(), Math.round(100.0 * en.getValue() / n)));
        System.out.println();
        System.out.println("| hottest methods (top frame) | share |");
        System.out.println("|---|---|");
        hot.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(10)
                .forEach(en -> System.out.printf(Locale.ROOT, "| `%s` | %d%% |%n", en.getKey(), Math.round(100.0 * en.getValue() / n)));
        System.out.printf(Locale.ROOT, "%n%d samples.%n", total);
    }
}
