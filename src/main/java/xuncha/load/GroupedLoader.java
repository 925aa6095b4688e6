package xuncha.load;

import xuncha.problems.Diagnostic;
import xuncha.problems.Diagnostics;
import xuncha.problems.InputException;

import xuncha.facts.FactBase;
import xuncha.util.Parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Loads a folder of county folders group by group, so that memory follows the largest group, not
 * the whole fact base. Each group is read, linked and handed on alone when it stands alone; what
 * spans groups is kept in a compact index (a sorted array of 64-bit id hashes per group) and found
 * by one merge of them once every group is read: an id declared in two groups, a reference from one group into another,
 * a group without {@code year}/{@code as_of} or disagreeing with the others. Groups so tied are
 * retracted and loaded again together at the end, as one fact base: there the usual checks give
 * the usual located messages, and the findings are those of a whole load. Real county folders are
 * nearly always independent, so the second reading is the exception.
 */
public final class GroupedLoader {
    /** Where the fact bases go: each independent group, then each set of tied groups. */
    public interface Sink {
        /** A valid, linked fact base; {@code key} is a group's number, or a later one for tied groups. */
        void accept(int key, FactBase facts);

        /** A group accepted earlier turned out to be tied to others: forget it. Called after every accept. */
        void retract(int key);
    }

    private final Charset charset;
    private final int jobs;

    private BiConsumer<Path, byte[]> files = (path, bytes) -> { };

    /** Also hands each facts file's bytes, as read, to {@code sink} (e.g. a {@link FactsDigest}). */
    public GroupedLoader onFile(BiConsumer<Path, byte[]> sink) {
        this.files = sink;
        return this;
    }

    public GroupedLoader(Charset charset, int jobs) {
        this.charset = charset;
        this.jobs = jobs;
    }

    /**
     * The groups of the input when it is made of county folders: every path a folder holding no
     * YAML file directly, only folders of them, two or more in all. Empty otherwise (load it whole).
     */
    public static Optional<List<List<String>>> groups(List<String> paths) {
        List<List<String>> groups = new ArrayList<>();
        for (String given : paths) {
            Path dir = Path.of(given);
            if (!Files.isDirectory(dir)) {
                return Optional.empty();
            }
            // In the order a whole load reads the files in: by path, where "c001/" sorts after "c001-x/".
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : entries.sorted(java.util.Comparator.comparing(e -> e.getFileName() + "/")).toList()) {
                    String name = entry.getFileName().toString();
                    if (Files.isDirectory(entry)) {
                        if (holdsYaml(entry)) {
                            String sep = given.endsWith("/") || given.endsWith(java.io.File.separator) ? "" : "/";
                            groups.add(List.of(given + sep + name));
                        }
                    } else if (FactLoader.isYaml(entry)) {
                        return Optional.empty();
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty();
            }
        }
        return groups.size() >= 2 ? Optional.of(groups) : Optional.empty();
    }

    /** Folders without facts (notes, scans, an empty one) are left out, as a whole load passes them over. */
    private static boolean holdsYaml(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(p -> Files.isRegularFile(p) && FactLoader.isYaml(p));
        }
    }

    /** What the pass keeps of a group: its files, its year and day, whether it was handed on. */
    private record Seen(List<String> paths, Integer year, LocalDate asOf, boolean accepted, boolean deferred,
                        boolean broken, List<Diagnostic> problems) {
    }

    /** Loads every group into {@code sink}; throws with every problem found, sorted, as a whole load would. */
    public void load(List<List<String>> groups, Sink sink) {
        Index index = new Index(groups.size());
        Map<Integer, Seen> seen = new TreeMap<>();
        List<Integer> numbers = java.util.stream.IntStream.range(0, groups.size()).boxed().toList();
        List<Seen> read = Parallel.map(numbers, jobs, "xuncha-group", g -> readOne(g, groups.get(g), index, sink));
        for (int g = 0; g < read.size(); g++) {
            seen.put(g, read.get(g));
        }
        index.resolve();
        tieByPeriod(seen, index);
        List<Integer> broken = seen.entrySet().stream().filter(e -> e.getValue().broken()).map(Map.Entry::getKey)
                .toList();
        Map<Integer, Set<Integer>> components = new TreeMap<>();
        for (int g : seen.keySet()) {
            if (index.tied(g) || seen.get(g).deferred()) {
                components.computeIfAbsent(index.find(g), k -> new TreeSet<>()).add(g);
            }
        }
        if (!broken.isEmpty() && !components.isEmpty()) {
            // A file that did not parse may hold what the tied groups look for: read them all together, as a
            // whole load does, so that nothing is reported missing that is only unreadable.
            Set<Integer> all = new TreeSet<>();
            components.values().forEach(all::addAll);
            all.addAll(broken);
            components = Map.of(all.iterator().next(), all);
        }
        Diagnostics problems = new Diagnostics();
        Set<Integer> reloaded = new TreeSet<>();
        components.values().forEach(reloaded::addAll);
        seen.forEach((g, s) -> {
            if (!reloaded.contains(g)) {
                problems.addAll(s.problems());
            } else if (s.accepted()) {
                sink.retract(g);
            }
        });
        int key = groups.size();
        for (Set<Integer> component : components.values()) {
            List<String> paths = new ArrayList<>();
            component.forEach(g -> paths.addAll(seen.get(g).paths()));
            try {
                sink.accept(key++, new FactLoader(charset, jobs).onFile(files).load(paths));
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        problems.throwIfAny();
    }

    private Seen readOne(int group, List<String> paths, Index index, Sink sink) {
        FactLoader.GroupDrafts read = new FactLoader(charset, 1).onFile(files).readGroup(paths);
        Drafts d = read.drafts();
        Set<String> declared = new java.util.HashSet<>(d.ids.size() * 2);
        d.ids.forEach(id -> declared.add(id.value()));
        List<String> foreign = d.refs.stream().map(Drafts.Ref::id).filter(id -> !declared.contains(id)).distinct()
                .toList();
        index.register(group, declared, foreign);
        Integer year = d.years.isEmpty() ? null : d.years.get(0).value();
        LocalDate asOf = d.asOfs.isEmpty() ? null : d.asOfs.get(0).value();
        boolean deferred = !foreign.isEmpty() || year == null || asOf == null;
        boolean broken = !read.allRead();
        if (deferred) {
            return new Seen(paths, year, asOf, false, true, broken, List.of());
        }
        FactBase facts;
        try {
            facts = FactLoader.link(read);
        } catch (InputException e) {
            return new Seen(paths, year, asOf, false, false, broken, e.problems());
        }
        sink.accept(group, facts);
        return new Seen(paths, year, asOf, true, false, false, List.of());
    }

    /** Groups without a year and day, or with other ones than the first group that has them, are tied to it. */
    private static void tieByPeriod(Map<Integer, Seen> seen, Index index) {
        Optional<Map.Entry<Integer, Seen>> reference = seen.entrySet().stream()
                .filter(e -> e.getValue().year() != null && e.getValue().asOf() != null).findFirst();
        if (reference.isEmpty()) {
            seen.keySet().forEach(g -> index.union(g, 0));
            return;
        }
        Seen ref = reference.get().getValue();
        seen.forEach((g, s) -> {
            if (!ref.year().equals(s.year()) || !ref.asOf().equals(s.asOf())) {
                index.union(g, reference.get().getKey());
            }
        });
    }

    /**
     * The ids of every group, as 64-bit hashes, and the ties between groups (union-find). Each group's
     * hashes are kept sorted in an array of their own, 8 bytes an id (a country's seven million in
     * 56 MB); once every group is read, one merge of them all ties the groups that declare one id and
     * each group to those that declare what it wants. A hash collision would only tie two groups that
     * need not be: they are then read together, which costs time, never correctness.
     */
    static final class Index {
        private final long[][] declared;
        private final long[][] wanted;
        private final int[] parent;
        private final boolean[] tied;

        Index(int groups) {
            declared = new long[groups][];
            wanted = new long[groups][];
            parent = new int[groups];
            tied = new boolean[groups];
            for (int i = 0; i < groups; i++) {
                parent[i] = i;
            }
        }

        /** What one group declares and what it wants from others. */
        void register(int group, Set<String> ids, List<String> foreign) {
            long[] hashes = new long[ids.size()];
            int i = 0;
            for (String id : ids) {
                hashes[i++] = hash(id);
            }
            registerHashes(group, hashes, foreign.stream().mapToLong(Index::hash).toArray());
        }

        synchronized void registerHashes(int group, long[] ids, long[] foreign) {
            long[] sorted = ids.clone();
            java.util.Arrays.sort(sorted);
            declared[group] = sorted;
            long[] want = foreign.clone();
            java.util.Arrays.sort(want);
            wanted[group] = want;
        }

        /** Ties the groups that declare one id, and each group to those that declare an id it wants. */
        synchronized void resolve() {
            int n = 0;
            for (long[] w : wanted) {
                n += w == null ? 0 : w.length;
            }
            long[] wantHash = new long[n];
            int[] wantGroup = new int[n];
            int k = 0;
            for (int g = 0; g < wanted.length; g++) {
                for (long h : wanted[g] == null ? new long[0] : wanted[g]) {
                    wantHash[k] = h;
                    wantGroup[k++] = g;
                }
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> wantHash[i]));
            java.util.PriorityQueue<int[]> cursors = new java.util.PriorityQueue<>(
                    Math.max(1, declared.length), java.util.Comparator.comparingLong(c -> declared[c[0]][c[1]]));
            for (int g = 0; g < declared.length; g++) {
                if (declared[g] != null && declared[g].length > 0) {
                    cursors.add(new int[]{g, 0});
                }
            }
            long previous = 0;
            int previousGroup = -1;
            int w = 0;
            while (!cursors.isEmpty()) {
                int[] c = cursors.poll();
                long h = declared[c[0]][c[1]];
                if (previousGroup >= 0 && h == previous && previousGroup != c[0]) {
                    union(c[0], previousGroup);
                }
                while (w < n && wantHash[order[w]] < h) {
                    w++;
                }
                for (int v = w; v < n && wantHash[order[v]] == h; v++) {
                    union(wantGroup[order[v]], c[0]);
                }
                previous = h;
                previousGroup = c[0];
                if (++c[1] < declared[c[0]].length) {
                    cursors.add(c);
                }
            }
            java.util.Arrays.fill(declared, null);
            java.util.Arrays.fill(wanted, null);
        }

        synchronized int find(int g) {
            while (parent[g] != g) {
                parent[g] = parent[parent[g]];
                g = parent[g];
            }
            return g;
        }

        synchronized void union(int a, int b) {
            if (a == b) {
                return;
            }
            tied[a] = true;
            tied[b] = true;
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }

        synchronized boolean tied(int g) {
            return tied[g];
        }

        static long hash(String id) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < id.length(); i++) {
                h ^= id.charAt(i);
                h *= 0x100000001b3L;
            }
            return h;
        }
    }
}
