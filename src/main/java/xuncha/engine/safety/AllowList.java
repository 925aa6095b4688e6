package xuncha.engine.safety;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rules file may name: the fact model, and an explicit list of JDK types with the methods,
 * static members and constructors of each that a rule may use. Nothing else exists for a pack.
 *
 * <p>Instance methods are allowed by name: a call {@code x.m(…)} passes when {@code m} is on the
 * list of some allowed type. That is sound because the values a rule can reach are closed: every
 * public method, of every type here, whose name is on the list gives back a type that is here too
 * (or a primitive), so no chain of allowed calls leaves the list ({@code AllowListClosureTest}
 * checks this over the real classes). The ways in, naming a type, a static member or a
 * constructor, are checked by type.
 */
public final class AllowList {
    /** The pack's own package: generated classes, declared types and functions live there. */
    public static final String PACKAGE = "xuncha.rules";

    /** The helper functions a pack may import with {@code import function}. */
    public static final Set<String> HELPERS = Set.of("xuncha.findings.Emit.finding");

    /** The globals the engine gives a session: name and type. */
    public static final Map<String, String> GLOBALS = Map.of("period", "xuncha.facts.Period");

    /**
     * The fact model: the period, units, people and their enums, the helpers rules call on them,
     * and every record kept at a unit ({@link xuncha.facts.Kept}): a record kind added to the facts
     * format is visible to rules without another list to keep (found in the package, see
     * {@link #kept}). Nothing else of {@code xuncha.facts} (the fact base, partitions, locations,
     * waivers) is.
     */
    static final List<Class<?>> FACTS = facts();

    private static List<Class<?>> facts() {
        List<Class<?>> all = new java.util.ArrayList<>(List.of(xuncha.facts.AssessmentKind.class,
                xuncha.facts.EvaluationPart.class, xuncha.facts.Labelled.class, xuncha.facts.MeetingKind.class,
                xuncha.facts.Period.class, xuncha.facts.Person.class, xuncha.facts.RoleKind.class,
                xuncha.facts.SchoolLevel.class, xuncha.facts.Share.class, xuncha.facts.Source.class,
                xuncha.facts.Text.class, xuncha.facts.Threshold.class, xuncha.facts.Topic.class,
                xuncha.facts.Unit.class, xuncha.facts.UnitType.class));
        kept().stream().filter(c -> !all.contains(c)).forEach(all::add);
        return List.copyOf(all);
    }

    /** The records of {@code xuncha.facts} kept at units: the public records that implement {@link xuncha.facts.Kept}. */
    static List<Class<?>> kept() {
        String folder = "xuncha/facts/";
        java.util.Set<String> names = new java.util.TreeSet<>();
        ClassLoader loader = AllowList.class.getClassLoader();
        try {
            // Every place the package is (the classes folder and, under a test run, the test classes).
            for (java.net.URL url : java.util.Collections.list(loader.getResources(folder))) {
                if ("jar".equals(url.getProtocol())) {
                    java.net.JarURLConnection jar = (java.net.JarURLConnection) url.openConnection();
                    jar.setUseCaches(false);
                    try (java.util.jar.JarFile file = jar.getJarFile()) {
                        file.stream().map(java.util.jar.JarEntry::getName)
                                .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
                                .forEach(n -> names.add(n.substring(folder.length())));
                    }
                } else if ("file".equals(url.getProtocol())) {
                    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                            java.nio.file.Path.of(url.toURI()))) {
                        files.forEach(f -> names.add(f.getFileName().toString()));
                    }
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the fact model: " + e.getMessage(), e);
        }
        List<Class<?>> out = new java.util.ArrayList<>();
        for (String name : names) {
            if (!name.endsWith(".class") || name.contains("$")) {
                continue;
            }
            try {
                Class<?> c = Class.forName("xuncha.facts." + name.substring(0, name.length() - 6), false, loader);
                if (c.isRecord() && Modifier.isPublic(c.getModifiers()) && xuncha.facts.Kept.class.isAssignableFrom(c)) {
                    out.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not a loadable class: not part of the model
            }
        }
        return out;
    }

    /** One allowed JDK type: its instance methods, static methods, static fields, and whether {@code new} may make one. */
    record JdkType(Class<?> type, Set<String> methods, Set<String> statics, Set<String> fields, boolean constructible) {
    }

    private static final Set<String> OBJECT = Set.of("equals", "hashCode", "toString");
    private static final Set<String> NUMBER = Set.of("intValue", "longValue", "doubleValue", "compareTo");
    private static final Set<String> COLLECTION = Set.of("size", "isEmpty", "contains", "containsAll", "add",
            "addAll", "remove", "removeAll", "retainAll", "clear", "iterator");
    private static final Set<String> LIST = union(COLLECTION, Set.of("get", "set", "indexOf", "lastIndexOf",
            "subList"));
    private static final Set<String> SORTED_SET = union(COLLECTION, Set.of("first", "last"));
    private static final Set<String> MAP = Set.of("size", "isEmpty", "get", "getOrDefault", "containsKey",
            "containsValue", "put", "putAll", "putIfAbsent", "remove", "keySet", "values", "entrySet", "clear");

    static final Map<Class<?>, JdkType> JDK = index(
            jdk(Object.class, OBJECT, Set.of(), Set.of(), false),
            jdk(Comparable.class, Set.of("compareTo"), Set.of(), Set.of(), false),
            jdk(Enum.class, Set.of("name", "ordinal", "compareTo"), Set.of(), Set.of(), false),
            jdk(CharSequence.class, Set.of("length", "charAt", "isEmpty"), Set.of(), Set.of(), false),
            jdk(String.class, Set.of("length", "isEmpty", "isBlank", "charAt", "substring", "indexOf",
                    "lastIndexOf", "contains", "startsWith", "endsWith", "equalsIgnoreCase", "compareTo", "trim",
                    "strip", "toUpperCase", "toLowerCase", "replace", "concat"),
                    Set.of("valueOf", "join"), Set.of(), false),
            jdk(Number.class, NUMBER, Set.of(), Set.of(), false),
            jdk(Integer.class, union(NUMBER, Set.of("intValue")), Set.of("valueOf", "compare", "max", "min",
                    "sum", "toString"), Set.of("MAX_VALUE", "MIN_VALUE"), false),
            jdk(Long.class, NUMBER, Set.of("valueOf", "compare", "max", "min", "sum", "toString"),
                    Set.of("MAX_VALUE", "MIN_VALUE"), false),
            jdk(Double.class, NUMBER, Set.of("valueOf", "compare"), Set.of(), false),
            jdk(Boolean.class, Set.of("booleanValue", "compareTo"), Set.of("valueOf"), Set.of("TRUE", "FALSE"),
                    false),
            jdk(Math.class, Set.of(), Set.of("abs", "max", "min", "floorDiv", "floorMod", "addExact",
                    "subtractExact", "multiplyExact", "signum", "round", "floor", "ceil"), Set.of(), false),
            jdk(java.math.BigDecimal.class, Set.of("add", "subtract", "multiply", "divide", "remainder", "negate",
                    "abs", "signum", "scale", "precision", "setScale", "stripTrailingZeros", "compareTo", "max",
                    "min", "movePointLeft", "movePointRight", "intValue", "longValue", "doubleValue",
                    "intValueExact", "longValueExact", "toPlainString", "toBigInteger"),
                    Set.of("valueOf"), Set.of("ZERO", "ONE", "TEN"), true),
            jdk(java.math.BigInteger.class, Set.of("add", "subtract", "multiply", "negate", "abs", "signum",
                    "compareTo", "max", "min", "intValue", "longValue", "longValueExact"), Set.of("valueOf"),
                    Set.of("ZERO", "ONE", "TEN"), false),
            jdk(java.math.RoundingMode.class, Set.of(), Set.of(), Set.of("UP", "DOWN", "CEILING", "FLOOR",
                    "HALF_UP", "HALF_DOWN", "HALF_EVEN", "UNNECESSARY"), false),
            jdk(java.time.LocalDate.class, Set.of("getYear", "getMonthValue", "getDayOfMonth", "getDayOfYear",
                    "plusDays", "minusDays", "plusWeeks", "minusWeeks", "plusMonths", "minusMonths", "plusYears",
                    "minusYears", "isBefore", "isAfter", "isEqual", "compareTo", "lengthOfMonth", "lengthOfYear",
                    "isLeapYear", "withDayOfMonth", "withDayOfYear", "toEpochDay"),
                    Set.of("of", "ofEpochDay", "ofYearDay"), Set.of("MIN", "MAX", "EPOCH"), false),
            jdk(java.time.temporal.ChronoUnit.class, Set.of("between"), Set.of(), Set.of("DAYS", "WEEKS",
                    "MONTHS", "YEARS"), false),
            jdk(Iterable.class, Set.of("iterator"), Set.of(), Set.of(), false),
            jdk(java.util.Iterator.class, Set.of("hasNext", "next"), Set.of(), Set.of(), false),
            jdk(java.util.Collection.class, COLLECTION, Set.of(), Set.of(), false),
            jdk(java.util.List.class, LIST, Set.of("of", "copyOf"), Set.of(), false),
            jdk(java.util.ArrayList.class, LIST, Set.of(), Set.of(), true),
            jdk(java.util.Set.class, COLLECTION, Set.of("of", "copyOf"), Set.of(), false),
            jdk(java.util.HashSet.class, COLLECTION, Set.of(), Set.of(), true),
            jdk(java.util.LinkedHashSet.class, COLLECTION, Set.of(), Set.of(), true),
            jdk(java.util.SortedSet.class, SORTED_SET, Set.of(), Set.of(), false),
            jdk(java.util.TreeSet.class, SORTED_SET, Set.of(), Set.of(), true),
            jdk(java.util.EnumSet.class, COLLECTION, Set.of("of", "copyOf"), Set.of(), false),
            jdk(java.util.Map.class, MAP, Set.of("of", "copyOf"), Set.of(), false),
            jdk(java.util.Map.Entry.class, Set.of("getKey", "getValue"), Set.of(), Set.of(), false),
            jdk(java.util.HashMap.class, MAP, Set.of(), Set.of(), true),
            jdk(java.util.LinkedHashMap.class, MAP, Set.of(), Set.of(), true),
            jdk(java.util.SortedMap.class, union(MAP, Set.of("firstKey", "lastKey")), Set.of(), Set.of(), false),
            jdk(java.util.TreeMap.class, union(MAP, Set.of("firstKey", "lastKey")), Set.of(), Set.of(), true),
            jdk(java.util.Collections.class, Set.of(), Set.of("sort", "reverse", "max", "min", "frequency",
                    "unmodifiableList", "unmodifiableSet", "unmodifiableMap", "emptyList", "emptySet", "emptyMap"),
                    Set.of(), false),
            jdk(java.util.Objects.class, Set.of(), Set.of("equals", "hash", "isNull", "nonNull", "toString",
                    "requireNonNullElse"), Set.of(), false));

    /** java.lang types a rule names without importing them; every other java.lang type is refused. */
    static final Set<Class<?>> IMPLICIT = Set.of(Object.class, Comparable.class, CharSequence.class, String.class,
            Number.class, Integer.class, Long.class, Double.class, Boolean.class, Math.class, Iterable.class);

    private static final Map<String, Class<?>> BY_NAME = new HashMap<>();
    private static final Set<String> FACT_METHODS = new HashSet<>();
    private static final Set<String> FACT_PROPERTIES = new HashSet<>();
    private static final Set<String> METHODS;

    static {
        FACTS.forEach(c -> BY_NAME.put(c.getName(), c));
        JDK.keySet().forEach(c -> BY_NAME.put(c.getName(), c));
        for (Class<?> fact : FACTS) {
            for (Method m : fact.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !Modifier.isStatic(m.getModifiers())) {
                    FACT_METHODS.add(m.getName());
                }
            }
            if (fact.isRecord()) {
                Arrays.stream(fact.getRecordComponents()).map(RecordComponent::getName).forEach(FACT_PROPERTIES::add);
            }
        }
        Set<String> methods = new HashSet<>(FACT_METHODS);
        JDK.values().forEach(t -> methods.addAll(t.methods()));
        METHODS = Set.copyOf(methods);
    }

    private AllowList() {
    }

    /** The allowed type of this binary or canonical name ({@code java.util.Map.Entry} or {@code java.util.Map$Entry}). */
    public static Optional<Class<?>> type(String name) {
        Class<?> c = BY_NAME.get(name);
        if (c == null && name.contains(".")) {
            int dot = name.lastIndexOf('.');
            c = BY_NAME.get(name.substring(0, dot) + "$" + name.substring(dot + 1));
        }
        return Optional.ofNullable(c);
    }

    /** Whether some allowed type's name starts with {@code prefix.}: a package on the way to a type. */
    static boolean packagePrefix(String prefix) {
        return BY_NAME.keySet().stream().anyMatch(n -> n.startsWith(prefix + "."));
    }

    /** The java.lang type a rule may name unqualified, by simple name. */
    static Optional<Class<?>> implicit(String simpleName) {
        return IMPLICIT.stream().filter(c -> c.getSimpleName().equals(simpleName)).findFirst();
    }

    static boolean isFact(Class<?> c) {
        return FACTS.contains(c);
    }

    /** Every allowed type, the fact model first. */
    public static List<Class<?>> types() {
        List<Class<?>> all = new java.util.ArrayList<>(FACTS);
        all.addAll(JDK.keySet());
        return all;
    }

    /** Whether {@code name} is an instance method of some allowed type (see the class comment). */
    public static boolean method(String name) {
        return METHODS.contains(name);
    }

    /** The instance method names allowed, sorted: for messages and the closure test. */
    public static Set<String> methods() {
        return new TreeSet<>(METHODS);
    }

    /** A record component of a fact: what a condition names as a field ({@code unit == $u.id}). */
    static boolean factProperty(String name) {
        return FACT_PROPERTIES.contains(name);
    }

    /** Whether {@code type.name(…)} is an allowed static call. Fact types: their public static methods, values and valueOf. */
    public static boolean staticMethod(Class<?> type, String name) {
        if (isFact(type)) {
            if (type.isEnum() && (name.equals("values") || name.equals("valueOf"))) {
                return true;
            }
            return Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name)
                    && Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && !m.isSynthetic());
        }
        JdkType jdk = JDK.get(type);
        return jdk != null && jdk.statics().contains(name);
    }

    /** Whether {@code type.NAME} is an allowed static field: a fact enum's constants, or a listed constant. */
    public static boolean staticField(Class<?> type, String name) {
        if (isFact(type)) {
            return type.isEnum() && Arrays.stream(type.getEnumConstants()).anyMatch(e -> ((Enum<?>) e).name().equals(name));
        }
        JdkType jdk = JDK.get(type);
        return jdk != null && jdk.fields().contains(name);
    }

    /** Whether {@code new type(…)} is allowed: a fact record, BigDecimal or a collection. */
    public static boolean constructible(Class<?> type) {
        if (isFact(type)) {
            return type.isRecord();
        }
        JdkType jdk = JDK.get(type);
        return jdk != null && jdk.constructible();
    }

    /** Every name the allow-list gives a type, for a hint when a name is misspelt. */
    static Map<String, Class<?>> byName() {
        return new LinkedHashMap<>(BY_NAME);
    }

    private static JdkType jdk(Class<?> type, Set<String> methods, Set<String> statics, Set<String> fields,
                               boolean constructible) {
        return new JdkType(type, methods, statics, fields, constructible);
    }

    private static Map<Class<?>, JdkType> index(JdkType... types) {
        Map<Class<?>, JdkType> map = new LinkedHashMap<>();
        for (JdkType t : types) {
            map.put(t.type(), t);
        }
        return map;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
