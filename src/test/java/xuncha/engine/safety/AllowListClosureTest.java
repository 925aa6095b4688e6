package xuncha.engine.safety;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allow-list allows instance methods by name, which is sound only if the values a rule can
 * reach are closed: every public method of every allowed type whose name is on the list gives
 * back an allowed type, a primitive or void. Checked here over the real classes, so that a fact
 * model change (a getter returning a Path) or a new name on the list cannot open a way out.
 */
class AllowListClosureTest {
    private static final Set<Class<?>> PRIMITIVE_LIKE = Set.of(void.class, boolean.class, byte.class, short.class,
            int.class, long.class, float.class, double.class, char.class);

    @Test
    void everyAllowedMethodOfEveryAllowedTypeGivesBackAnAllowedType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : AllowList.types()) {
            for (Method m : type.getMethods()) {
                boolean reachable = Modifier.isStatic(m.getModifiers()) ? AllowList.staticMethod(type, m.getName())
                        : AllowList.method(m.getName());
                if (reachable && !allowed(m.getReturnType())) {
                    leaks.add(type.getName() + "." + m.getName() + " gives " + m.getReturnType().getName());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** A fact's accessor may share a name with a dangerous method ({@code Inspection.start}): the closure above is what counts. */
    @Test
    void noAllowedNameReachesReflectionThreadsOrTheRuntime() {
        assertThat(AllowList.methods()).doesNotContain("getClass", "getDeclaringClass", "forName", "getClassLoader",
                "invoke", "exec", "exit", "halt", "stream", "forEach", "wait", "notify", "describeConstable",
                "getKieRuntime", "chars", "lines", "repeat", "pow");
    }

    /** Every record kind of the facts format is visible to rules, found without a list to keep. */
    @Test
    void everyRecordKeptAtAUnitIsVisibleToRules() {
        assertThat(AllowList.kept()).extracting(Class::getSimpleName).containsExactlyInAnyOrder("Admission",
                "Assessment", "Budget", "Evaluation", "Inspection", "Meeting", "Problem", "Role");
        assertThat(AllowList.FACTS).containsAll(AllowList.kept());
    }

    @Test
    void theFactModelIsEveryPublicTypeOfItsPackageThatRulesSee() {
        assertThat(AllowList.FACTS).allSatisfy(c -> assertThat(c.getPackageName()).isEqualTo("xuncha.facts"));
        assertThat(AllowList.FACTS).extracting(Class::getSimpleName)
                .doesNotContain("FactBase", "Partitions", "Location", "Waiver");
    }

    private static boolean allowed(Class<?> returned) {
        Class<?> c = returned;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return PRIMITIVE_LIKE.contains(c) || AllowList.types().contains(c);
    }
}
