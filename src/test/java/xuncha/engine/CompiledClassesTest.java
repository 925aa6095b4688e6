package xuncha.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import xuncha.facts.FactBase;
import xuncha.load.FactLoader;
import xuncha.render.Renderers;
import xuncha.report.ReportBuilder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack's compiled classes kept between runs: the same pack is not compiled twice, gives the same
 * findings either way, and a cache file that was tampered with or torn is never used.
 */
class CompiledClassesTest {
    private static final FactBase SAMPLE = new FactLoader(StandardCharsets.UTF_8).load(List.of("fixtures/yangqu-2022.yaml"));

    @TempDir
    Path dir;
    private Path before;

    @BeforeEach
    void useATemporaryCache() {
        before = CompiledClasses.folder();
        CompiledClasses.keepIn(dir.resolve("cache"));
    }

    @AfterEach
    void restore() {
        CompiledClasses.keepIn(before);
    }

    private static RulePack pack() {
        return RulePack.load(RuleSources.folder(Path.of("rules"), "rules"));
    }

    private static byte[] json(RulePack pack) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Renderers.byName("json").orElseThrow().render(ReportBuilder.build(SAMPLE, pack,
                Engine.runWhole(pack, SAMPLE, Set.of(), SessionLimits.DEFAULT, ""), "zh"), out);
        return out.toByteArray();
    }

    private List<Path> kept() throws Exception {
        Path cache = dir.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toList();
        }
    }

    @Test
    void theSamePackIsCompiledOnceAndGivesTheSameFindings() throws Exception {
        int[] start = CompiledClasses.counts();
        byte[] first = json(pack());
        int[] afterFirst = CompiledClasses.counts();
        assertThat(afterFirst[0]).isGreaterThan(start[0]);
        // One file per batch Drools compiles (its functions, then its rules).
        List<Path> files = kept();
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".classes"));

        byte[] second = json(pack());
        int[] afterSecond = CompiledClasses.counts();
        assertThat(afterSecond[0]).as("compiled again").isEqualTo(afterFirst[0]);
        assertThat(afterSecond[1]).as("taken from the cache").isGreaterThan(afterFirst[1]);
        assertThat(second).isEqualTo(first);
        assertThat(kept()).isEqualTo(files);

        CompiledClasses.keepIn(null);
        assertThat(json(pack())).as("without a cache").isEqualTo(first);
    }

    @Test
    void aTamperedCacheIsPassedOverAndThePackCompiled() throws Exception {
        byte[] honest = json(pack());
        Path file = kept().get(0);
        Map<String, byte[]> classes = CompiledClasses.read(file);
        assertThat(classes).isNotEmpty();
        // Each class swapped for one of the same name whose static initializer reaches the runtime.
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        classes.keySet().forEach(name -> hostile.put(name, hostile(name.substring(0, name.length() - ".class".length()))));
        Files.write(file, write(hostile));

        int[] start = CompiledClasses.counts();
        assertThat(json(pack())).isEqualTo(honest);
        assertThat(CompiledClasses.counts()[0]).as("compiled afresh").isGreaterThan(start[0]);
        Map<String, byte[]> rewritten = CompiledClasses.read(kept().get(0));
        assertThat(rewritten.keySet()).as("the cache rewritten").isEqualTo(classes.keySet());
        rewritten.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(classes.get(name)));
    }

    @Test
    void aTornOrForeignCacheFileIsPassedOver() throws Exception {
        byte[] honest = json(pack());
        Path file = kept().get(0);
        byte[] whole = Files.readAllBytes(file);
        for (byte[] broken : List.of(java.util.Arrays.copyOf(whole, whole.length / 2), new byte[0],
                "not a cache".getBytes(StandardCharsets.UTF_8))) {
            Files.write(file, broken);
            int[] start = CompiledClasses.counts();
            assertThat(json(pack())).isEqualTo(honest);
            assertThat(CompiledClasses.counts()[0]).isGreaterThan(start[0]);
        }
    }

    @Test
    void aCacheThatCannotBeWrittenIsNoError() throws Exception {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        CompiledClasses.keepIn(notAFolder.resolve("cache"));
        byte[] report = json(pack());
        CompiledClasses.keepIn(null);
        assertThat(json(pack())).isEqualTo(report);
    }

    @Test
    void onlyTheNewestPacksAreKept() throws Exception {
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        for (int i = 0; i < CompiledClasses.KEPT + 5; i++) {
            Path old = cache.resolve("old" + i + ".classes");
            Files.writeString(old, "x");
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        json(pack());
        assertThat(kept()).hasSize(CompiledClasses.KEPT);
        assertThat(kept()).noneMatch(p -> p.getFileName().toString().equals("old0.classes"));
    }

    private static byte[] hostile(String internalName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        m.visitCode();
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", false);
        m.visitLdcInsn("touch MARKER");
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Runtime", "exec", "(Ljava/lang/String;)Ljava/lang/Process;", false);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A cache file as {@link CompiledClasses} writes one. */
    private static byte[] write(Map<String, byte[]> classes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("xuncha-compiled-classes-1");
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                out.writeUTF(c.getKey());
                out.writeInt(c.getValue().length);
                out.write(c.getValue());
            }
        }
        return bytes.toByteArray();
    }
}
