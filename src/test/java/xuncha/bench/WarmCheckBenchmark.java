package xuncha.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import xuncha.check.Check;
import xuncha.check.CheckListener;
import xuncha.check.CheckRequest;
import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.report.Report;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A warm check of one county inside a running JVM, as the workspace server makes one for each upload:
 * the pack compiled once beforehand, then each check reads the county's files and runs the whole
 * pipeline (facts, rules, report) on one thread. {@code bench/jmh} runs it and writes the figures into
 * docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:+UseSerialGC"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
public class WarmCheckBenchmark {
    /** The sample county, and one generated county (bench/jmh makes it). */
    @Param({"fixtures/yangqu-2022.yaml", "target/bench/jmh-county"})
    public String facts;

    private RulePack pack;

    @Setup(Level.Trial)
    public void compile() {
        pack = RulePack.load(RuleSources.folder(Path.of("rules"), "rules/"));
        // A benchmark of a check that finds nothing would measure nothing worth knowing.
        if (check().findings().isEmpty()) {
            throw new IllegalStateException("the check of " + facts + " found nothing: wrong folder?");
        }
    }

    @Benchmark
    public Report check() {
        CheckRequest request = CheckRequest.of(new CheckRequest.Rules.Compiled(pack), CheckRequest.files(List.of(facts)))
                .jobs(1);
        return Check.run(request, CheckListener.NONE).report();
    }
}
