package xuncha.problems;

import java.util.List;

/** The input (facts, rules, options) cannot be used: carries every located problem found. */
public final class InputException extends RuntimeException {
    private final transient List<Diagnostic> problems;

    public InputException(List<Diagnostic> problems) {
        super(problems.isEmpty() ? "bad input" : problems.get(0).render());
        this.problems = List.copyOf(problems);
    }

    public List<Diagnostic> problems() {
        return problems;
    }
}
