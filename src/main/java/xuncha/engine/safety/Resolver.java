package xuncha.engine.safety;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the names of one rules file resolve to types, the way the Java compiler would resolve them
 * there: the pack's declared types, the file's single-type imports, {@code xuncha.facts.*}, then
 * the few java.lang types a rule may name. A name that resolves to nothing allowed resolves to
 * nothing at all, and the code naming it is refused.
 */
final class Resolver {
    static final xuncha.problems.Messages.Term ALLOWED = new xuncha.problems.Messages.Term("pack.allowed");

    /** A type declared in the pack with {@code declare}: its fields by name, with their written types. */
    record Declared(String name, Map<String, String> fields) {
    }

    /** What a type name stands for: an allowed class, or a type the pack declares. */
    record Resolved(String name, Class<?> type, Declared declared) {
        String shown() {
            return type != null ? type.getSimpleName() : declared.name();
        }

        /** A field a condition reaches by bare name: a record component, an allowed no-argument method, a declared field. */
        boolean hasProperty(String property) {
            if (declared != null) {
                return declared.fields().containsKey(property);
            }
            if (type.isRecord()) {
                return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .anyMatch(property::equals);
            }
            AllowList.JdkType jdk = AllowList.JDK.get(type);
            return jdk != null && jdk.methods().contains(property);
        }

        /** A method a condition calls without a receiver: one of this fact's own. */
        boolean hasMethod(String method) {
            if (declared != null) {
                return accessorOf(declared, method);
            }
            if (AllowList.isFact(type)) {
                return Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method)
                        && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()));
            }
            AllowList.JdkType jdk = AllowList.JDK.get(type);
            return jdk != null && jdk.methods().contains(method);
        }

        boolean staticField(String field) {
            return type != null && AllowList.staticField(type, field);
        }

        boolean staticMethod(String method) {
            return type != null && AllowList.staticMethod(type, method);
        }

        boolean constructible() {
            return declared != null || AllowList.constructible(type);
        }
    }

    private final Map<String, String> imports;
    private final Map<String, Declared> declared;
    private final Set<String> functions;
    private final Set<String> helpers;
    private final Set<String> accessors;
    private final Set<String> declaredFields;

    /**
     * @param imports   simple name to the qualified name of each allowed single-type import
     * @param wildcardFacts whether the file imports {@code xuncha.facts.*}
     * @param declared  the pack's declared types, by simple name
     * @param functions the pack's function names
     * @param helpers   the simple names of the helper functions the file imports
     */
    Resolver(Map<String, String> imports, boolean wildcardFacts, Map<String, Declared> declared,
             Set<String> functions, Set<String> helpers) {
        this.imports = wildcardFacts ? withFacts(imports) : Map.copyOf(imports);
        this.declared = Map.copyOf(declared);
        this.functions = Set.copyOf(functions);
        this.helpers = Set.copyOf(helpers);
        this.declaredFields = declared.values().stream().flatMap(d -> d.fields().keySet().stream())
                .collect(Collectors.toUnmodifiableSet());
        this.accessors = declared.values().stream().flatMap(d -> d.fields().keySet().stream()
                .flatMap(f -> accessorNames(f).stream())).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, String> withFacts(Map<String, String> imports) {
        Map<String, String> all = new java.util.HashMap<>();
        AllowList.FACTS.forEach(c -> all.put(c.getSimpleName(), c.getName()));
        all.putAll(imports);
        return Map.copyOf(all);
    }

    /** A type name as written, simple or qualified. */
    Optional<Resolved> named(String written) {
        return written.contains(".") ? qualified(written) : simple(written);
    }

    /** A simple type name where it is written. */
    Optional<Resolved> simple(String name) {
        Declared d = declared.get(name);
        if (d != null) {
            return Optional.of(new Resolved(AllowList.PACKAGE + "." + name, null, d));
        }
        String imported = imports.get(name);
        if (imported != null) {
            return AllowList.type(imported).map(c -> new Resolved(c.getName(), c, null));
        }
        return AllowList.implicit(name).map(c -> new Resolved(c.getName(), c, null));
    }

    /** Whether {@code name} is a type Java would find (a java.lang class) that the allow-list does not give. */
    boolean refusedSimple(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0)) || declared.containsKey(name)) {
            return false;
        }
        try {
            Class.forName("java.lang." + name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A qualified type name: {@code java.math.RoundingMode}, {@code java.util.Map.Entry}, {@code xuncha.rules.Tally}. */
    Optional<Resolved> qualified(String dotted) {
        if (dotted.startsWith(AllowList.PACKAGE + ".")) {
            Declared d = declared.get(dotted.substring(AllowList.PACKAGE.length() + 1));
            if (d != null) {
                return Optional.of(new Resolved(dotted, null, d));
            }
        }
        return AllowList.type(dotted).map(c -> new Resolved(c.getName(), c, null));
    }

    boolean function(String name) {
        return functions.contains(name);
    }

    boolean helper(String name) {
        return helpers.contains(name);
    }

    String helperNames() {
        return helpers.isEmpty() ? "finding(…)" : helpers.stream().sorted().map(h -> h + "(…)")
                .collect(Collectors.joining(", "));
    }

    /** A getter or setter of a declared type's field. */
    boolean accessor(String name) {
        return accessors.contains(name);
    }

    boolean declaredField(String name) {
        return declaredFields.contains(name);
    }

    private static boolean accessorOf(Declared d, String method) {
        return d.fields().keySet().stream().anyMatch(f -> accessorNames(f).contains(method));
    }

    private static List<String> accessorNames(String field) {
        String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        return List.of("get" + cap, "set" + cap, "is" + cap);
    }
}
