package xuncha.engine.safety;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import xuncha.problems.Messages.Term;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a consequence says to {@code finding(drools, unit, person, variant, name, value, …)} is
 * checked against the rule it stands in, before the pack is compiled: the variant is one the rule
 * has messages for ({@code @zh_<variant>}, {@code @en_<variant>}), and every value's name is a
 * text written in place that one of the rule's messages shows ({@code {name}}) or that the report
 * itself reads ({@code facts}, {@code subject}, and {@code expected}, {@code actual}, {@code missing}
 * for the evidence). A misspelt name is then a located error of the pack, not a value no message
 * shows and a placeholder left unfilled. A rule whose findings give their own deadline
 * ({@code @deadline("finding")}) gives it in every call, as the value {@code deadline}.
 */
final class FindingCalls {
    /** Names the report reads whatever the messages say. */
    static final Set<String> READ_BY_THE_REPORT = Set.of("facts", "subject", "expected", "actual", "missing",
            xuncha.findings.Deadline.VALUE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");
    /** drools, unit, person, variant: then names and values. */
    private static final int FIXED = 4;

    private FindingCalls() {
    }

    /**
     * @param messages the rule's message texts by annotation name ({@code zh}, {@code en}, {@code zh_no_budget} …)
     */
    static void check(BlockStmt consequence, Map<String, String> messages, boolean givesDeadline, Resolver types,
                      BiConsumer<Node, Term> refuse) {
        Set<String> shown = new TreeSet<>();
        messages.values().forEach(text -> {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                shown.add(m.group(1));
            }
        });
        for (MethodCallExpr call : consequence.findAll(MethodCallExpr.class)) {
            if (call.getScope().isPresent() || !types.helper(call.getNameAsString())
                    || !call.getNameAsString().equals("finding")) {
                continue;
            }
            List<Expression> args = call.getArguments();
            if (args.size() < FIXED) {
                refuse.accept(call, new Term("finding_call.arguments"));
                continue;
            }
            variant(args.get(3), messages, refuse);
            if ((args.size() - FIXED) % 2 != 0) {
                refuse.accept(args.get(args.size() - 1), new Term("finding_call.unnamed_value"));
            }
            boolean deadline = false;
            for (int i = FIXED; i < args.size(); i += 2) {
                Expression name = args.get(i);
                deadline |= name instanceof StringLiteralExpr l && l.getValue().equals(xuncha.findings.Deadline.VALUE);
                if (!(name instanceof StringLiteralExpr literal)) {
                    refuse.accept(name, new Term("finding_call.name_literal"));
                    continue;
                }
                String key = literal.getValue();
                if (!shown.contains(key) && !READ_BY_THE_REPORT.contains(key)) {
                    refuse.accept(name, new Term("finding_call.not_shown", key, hint(key, shown)));
                }
            }
            if (givesDeadline && !deadline) {
                refuse.accept(call, new Term("finding_call.no_deadline"));
            }
        }
    }

    private static void variant(Expression arg, Map<String, String> messages, BiConsumer<Node, Term> refuse) {
        if (arg instanceof NullLiteralExpr) {
            return;
        }
        if (!(arg instanceof StringLiteralExpr literal)) {
            refuse.accept(arg, new Term("finding_call.variant_literal"));
            return;
        }
        String variant = literal.getValue();
        // A variant given in one language only is the catalogue's error ("has @zh_x but no @en_x"), said there.
        if (!variant.isEmpty() && !messages.containsKey("zh_" + variant) && !messages.containsKey("en_" + variant)) {
            refuse.accept(arg, new Term("finding_call.no_variant", variant));
        }
    }

    private static Term hint(String key, Set<String> shown) {
        return xuncha.problems.Suggest.term(key, List.copyOf(shown));
    }
}
