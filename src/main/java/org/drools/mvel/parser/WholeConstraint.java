package org.drools.mvel.parser;

import org.drools.mvel.parser.ast.expr.DrlxExpression;

import java.util.List;

/**
 * xuncha's: a rule condition read as Drools' executable model reads one, but to its end. The
 * model's own parse start ({@code DrlxParser.buildDrlxParserWithArguments}) stops at the longest
 * expression it can read and silently drops the rest ({@code this.class.forName(…)} reads as
 * {@code this}); a pack check must see everything. It lives in this package because the
 * generated parser it drives is package-private.
 */
public final class WholeConstraint {
    /** The parse start: one DRL constraint, then the end of the text. */
    public static final ParseStart<DrlxExpression> START = parser -> {
        parser.setPointFreeOperators(List.of());
        DrlxExpression expression = parser.DrlxExpression();
        Token next = parser.getNextToken();
        if (next.kind != GeneratedMvelParserConstants.EOF) {
            throw new ParseException("line " + next.beginLine + ", column " + next.beginColumn + ": '" + next.image
                    + "' after the end of the condition");
        }
        return expression;
    };

    private WholeConstraint() {
    }
}
