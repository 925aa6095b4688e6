package xuncha.facts;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fact model as rules see it. A record with a component {@code x} and a method {@code isX()}
 * or {@code getX()} gives a rule's {@code x} two meanings, and which one MVEL picks depends on the
 * order reflection happens to list the methods in: {@code Problem.isRectified()} once made
 * {@code rectified.isAfter(…)} compile in one run and fail in the next.
 */
class FactModelTest {
    private static final List<Class<?>> FACTS = List.of(Unit.class, Person.class, Role.class, Meeting.class,
            Budget.class, Assessment.class, Evaluation.class, Admission.class, Inspection.class, Problem.class,
            Threshold.class, Period.class);

    @Test
    void noPropertyOfAFactHasTwoMeanings() {
        List<String> clashes = new ArrayList<>();
        for (Class<?> fact : FACTS) {
            if (!fact.isRecord()) {
                continue;
            }
            for (RecordComponent c : fact.getRecordComponents()) {
                String bean = c.getName().substring(0, 1).toUpperCase(Locale.ROOT) + c.getName().substring(1);
                for (Method m : fact.getMethods()) {
                    if (m.getParameterCount() == 0 && (m.getName().equals("is" + bean) || m.getName().equals("get" + bean))) {
                        clashes.add(fact.getSimpleName() + "." + m.getName() + "() beside the component " + c.getName());
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }
}
