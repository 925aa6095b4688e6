package xuncha.load;

import xuncha.problems.Diagnostics;
import xuncha.problems.InputException;
import xuncha.yaml.YamlReader;
import xuncha.yaml.Fields;

import org.yaml.snakeyaml.nodes.Node;
import xuncha.facts.FactBase;
import xuncha.facts.Location;
import xuncha.util.Parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the facts files and folders named on the command line into one validated {@link FactBase}.
 * Every problem is collected; if there is any, {@link InputException} carries them all.
 */
public final class FactLoader {
    private static final List<String> TOP_LEVEL = FactsFormat.names(FactsFormat.FILE);

    private final YamlReader yaml;
    private final int jobs;
    private BiConsumer<Integer, Integer> progress = (done, total) -> { };
    private BiConsumer<Path, byte[]> bytesSink = (path, bytes) -> { };

    public FactLoader(Charset charset) {
        this(charset, 1);
    }

    /** Also hands each facts file's bytes, as read, to {@code sink} (e.g. a {@link FactsDigest}). */
    public FactLoader onFile(BiConsumer<Path, byte[]> sink) {
        yaml.onBytes(sink);
        this.bytesSink = sink;
        return this;
    }

    /** @param jobs how many files to read at a time */
    public FactLoader(Charset charset, int jobs) {
        this.yaml = new YamlReader(charset);
        this.jobs = jobs;
    }

    /** Told {@code (files read, files in all)} as files are read, from the reading threads. */
    public FactLoader onProgress(BiConsumer<Integer, Integer> progress) {
        this.progress = progress;
        return this;
    }

    /** What one file said, and what was wrong with it. */
    private record FileDrafts(Drafts drafts, Diagnostics problems, boolean read) {
    }

    /** A file to read and how to show it: as given on the command line, or below a folder so given. */
    public record Input(Path path, String shown) {
    }

    /** Facts written inside another file (a rule test case): its node, and how to name that file. */
    public record Inline(Node root, String shown) {
    }

    public FactBase load(List<String> paths) {
        return load(paths, List.of());
    }

    /** The files and folders of {@code paths} and the {@code inline} facts, as one fact base. */
    public FactBase load(List<String> paths, List<Inline> inline) {
        Diagnostics problems = new Diagnostics();
        Drafts drafts = new Drafts();
        List<Input> inputs = paths.isEmpty() && !inline.isEmpty() ? new ArrayList<>() : expand(paths, problems);
        inline.forEach(i -> readFile(i.root(), i.shown(), drafts, problems));
        boolean allRead = readInto(inputs, drafts, problems);
        if (inputs.isEmpty() && inline.isEmpty()) {
            problems.throwIfAny();
        }
        return link(drafts, problems, inputs.isEmpty() ? inline.get(0).shown() : inputs.get(0).shown(), allRead);
    }

    /** What the files of one group say, read but not linked: the drafts, the problems, whether all parsed. */
    record GroupDrafts(Drafts drafts, Diagnostics problems, boolean allRead, String first) {
    }

    /** Reads the files and folders of {@code paths} without linking them (for {@link GroupedLoader}). */
    GroupDrafts readGroup(List<String> paths) {
        Diagnostics problems = new Diagnostics();
        Drafts drafts = new Drafts();
        List<Input> inputs = expand(paths, problems);
        boolean allRead = readInto(inputs, drafts, problems);
        return new GroupDrafts(drafts, problems, allRead, inputs.isEmpty() ? paths.get(0) : inputs.get(0).shown());
    }

    /** Links what {@link #readGroup} read, as {@link #load} would have; throws with everything wrong. */
    static FactBase link(GroupDrafts group) {
        return link(group.drafts(), group.problems(), group.first(), group.allRead());
    }

    private static FactBase link(Drafts drafts, Diagnostics problems, String first, boolean allRead) {
        Linker linker = new Linker(drafts, problems, first);
        linker.check(allRead);
        problems.throwIfAny();
        return linker.build();
    }

    /** Reads the files into {@code drafts}, in input order; whether every file parsed. */
    private boolean readInto(List<Input> inputs, Drafts drafts, Diagnostics problems) {
        boolean allRead = true;
        for (FileDrafts file : readAll(inputs)) {
            drafts.addAll(file.drafts());
            problems.addAll(file.problems().sorted());
            allRead &= file.read();
        }
        return allRead;
    }

    /**
     * Each file parsed and read into drafts of its own, {@code jobs} files at a time; the results in
     * input order, so that the fact base does not depend on {@code jobs}.
     */
    private List<FileDrafts> readAll(List<Input> inputs) {
        AtomicInteger done = new AtomicInteger();
        Function<Input, FileDrafts> read = input -> {
            FileDrafts d = readOne(input);
            progress.accept(done.incrementAndGet(), inputs.size());
            return d;
        };
        return Parallel.map(inputs, jobs, "xuncha-load", read);
    }

    /**
     * One file; the records of its top-level lists are read as the parser reaches each, so that no
     * tree of the whole file is ever built (memory follows the largest record).
     */
    private FileDrafts readOne(Input input) {
        Drafts drafts = new Drafts();
        Diagnostics problems = new Diagnostics();
        RecordReader records = new RecordReader(drafts, problems, input.shown());
        if (WorkbookReader.isWorkbook(input.path())) {
            List<Node> tops = new ArrayList<>();
            boolean read = WorkbookReader.read(input.path(), input.shown(), problems, bytesSink, tops::add,
                    (key, item) -> read(RECORDS.get(key), records, item));
            tops.forEach(t -> readFile(t, input.shown(), drafts, problems));
            return read ? new FileDrafts(drafts, problems, true) : new FileDrafts(new Drafts(), problems, false);
        }
        Diagnostics parsing = new Diagnostics();
        Optional<Node> root = yaml.read(input.path(), input.shown(), parsing, RECORDS.keySet(),
                (key, item) -> read(RECORDS.get(key), records, item));
        boolean read = !parsing.any();
        if (!read) {
            // What was read before the file broke off is not judged: the message is the file's syntax.
            return new FileDrafts(new Drafts(), parsing, false);
        }
        root.ifPresent(r -> readFile(r, input.shown(), drafts, problems));
        return new FileDrafts(drafts, problems, read);
    }

    /** How the items of each top-level list are read: {@link RecordKinds}. */
    private static final java.util.Map<String, RecordKinds.Kind> RECORDS = RecordKinds.byKey();

    /** How each kind of record is named in messages, made once rather than for every record read. */
    private static final java.util.Map<String, xuncha.problems.Messages.Term> WHAT = RECORDS.values().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(RecordKinds.Kind::key,
                    k -> new xuncha.problems.Messages.Term("kind." + k.what())));

    private static void read(RecordKinds.Kind kind, RecordReader records, Node item) {
        records.one(item, WHAT.get(kind.key()), f -> kind.reader().accept(records, f));
    }

    /** The YAML files named, folders read recursively in sorted path order; each file once. */
    static List<Input> expand(List<String> paths, Diagnostics problems) {
        List<Input> inputs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        if (paths.isEmpty()) {
            problems.say(Location.ofFile("xuncha"), "facts.no_files");
        }
        for (String given : paths) {
            Path path = Path.of(given);
            if (!Files.exists(path)) {
                problems.say(Location.ofFile(given), "facts.no_such_path");
            } else if (Files.isDirectory(path)) {
                List<Path> found = yamlFilesUnder(path, given, problems);
                if (found.isEmpty()) {
                    problems.say(Location.ofFile(given), "facts.empty_folder");
                }
                for (Path file : found) {
                    if (seen.add(file.toAbsolutePath().normalize())) {
                        inputs.add(new Input(file, shownBelow(given, path.relativize(file))));
                    }
                }
            } else if (seen.add(path.toAbsolutePath().normalize())) {
                inputs.add(new Input(path, given));
            }
        }
        return inputs;
    }

    /**
     * What {@code xuncha fmt} needs of one facts file: the values written in a form it would write
     * canonically, or, when the file cannot be parsed, why (nothing is rewritten in a file that is
     * not understood).
     */
    public record Rewrites(List<xuncha.problems.Rewrite> rewrites, List<xuncha.problems.Diagnostic> unreadable) {
    }

    /** The {@link Rewrites} of one file, read as {@link #load} reads it. */
    public Rewrites rewrites(Input input) {
        FileDrafts d = readOne(input);
        return d.read() ? new Rewrites(d.problems().rewrites().stream()
                        .sorted(java.util.Comparator.comparingInt(xuncha.problems.Rewrite::from)).toList(), List.of())
                : new Rewrites(List.of(), d.problems().sorted());
    }

    /** The facts files {@code paths} name (folders expanded), each with how it is shown; throws when one is missing. */
    public static List<Input> inputs(List<String> paths) {
        Diagnostics problems = new Diagnostics();
        List<Input> inputs = expand(paths, problems);
        problems.throwIfAny();
        return inputs;
    }

    /** The facts files {@code paths} name (folders expanded), as {@link #load} would read them; missing ones left out. */
    public static List<Path> files(List<String> paths) {
        return expand(paths, new Diagnostics()).stream().map(Input::path).toList();
    }

    /** A facts file: {@code .yaml} or {@code .yml}, in any case. */
    public static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<Path> yamlFilesUnder(Path dir, String given, Diagnostics problems) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && isYaml(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.say(Location.ofFile(given), "facts.cannot_read_folder", String.valueOf(e.getMessage()));
            return List.of();
        }
    }

    private static String shownBelow(String given, Path relative) {
        String sep = given.endsWith("/") || given.endsWith(java.io.File.separator) ? "" : "/";
        return given + sep + relative.toString().replace(java.io.File.separatorChar, '/');
    }

    private static void readFile(Node root, String shown, Drafts drafts, Diagnostics problems) {
        Optional<Fields> top = Fields.of(root, new xuncha.problems.Messages.Term("kind.facts_file"), shown, problems);
        if (top.isEmpty()) {
            return;
        }
        Fields f = top.get();
        f.allowOnly(TOP_LEVEL);
        f.count("version", false).ifPresent(v -> {
            if (v != 1) {
                problems.say(f.at("version"), "facts.version", v);
            }
        });
        drafts.yearWritten |= f.keys().contains("year");
        drafts.asOfWritten |= f.keys().contains("as_of");
        f.year("year", false).ifPresent(y -> drafts.years.add(new Drafts.Stamp(y, f.at("year"))));
        f.date("as_of", false).ifPresent(d -> drafts.asOfs.add(new Drafts.DateStamp(d, f.at("as_of"))));
        RecordReader records = new RecordReader(drafts, problems, shown);
        for (String key : TOP_LEVEL) {
            RecordKinds.Kind kind = RECORDS.get(key);
            if (kind != null) {
                f.list(key, false).forEach(item -> read(kind, records, item));
            }
        }
    }
}
