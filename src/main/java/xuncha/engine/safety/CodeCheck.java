package xuncha.engine.safety;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.WildcardType;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.InlineCastExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import xuncha.problems.Messages.Term;

/**
 * Checks one piece of rule code (a condition, a consequence, a function body, an accumulate
 * argument) as a syntax tree against the {@link AllowList}: every name is resolved (so spaces,
 * comments and line breaks inside a name change nothing) and every construct not listed here is
 * refused. What it allows: bound variables and locals, literals, operators, casts, the fact
 * model, the allow-list's methods, static members and constructors, the pack's functions and
 * declared types, {@code finding(drools, …)} and, in a consequence, insert/update/delete/modify.
 */
final class CodeCheck {
    /** Where the code stands: each allows a little more or less. */
    enum Kind { CONDITION, CONSEQUENCE, FUNCTION, ACCUMULATE }

    /** Macros Drools gives a consequence. */
    private static final Set<String> MACROS = Set.of("insert", "insertLogical", "update", "delete", "retract");
    /** The context variables of a consequence: they may only be handed to a helper. */
    private static final Set<String> CONTEXT = Set.of("drools", "kcontext");
    /** Condition operators beyond Java's. */
    private static final Set<String> OPERATORS = Set.of("contains", "excludes", "memberOf", "matches", "in");

    /** What a name or a dotted prefix stands for. */
    private sealed interface Ref {
    }

    private record Value() implements Ref {
    }

    private record TypeRef(Resolver.Resolved type) implements Ref {
    }

    private record Pkg(String name) implements Ref {
    }

    private record Bad() implements Ref {
    }

    private static final Value VALUE = new Value();
    private static final Bad BAD = new Bad();

    private final Kind kind;
    private final Resolver types;
    private final Set<String> variables;
    /** For a condition: the pattern's type, whose fields and methods a bare name reaches. */
    private final Resolver.Resolved pattern;
    private final BiConsumer<Node, Term> refuse;

    /**
     * @param variables the rule's bindings, the function's parameters and the globals: names that
     *                  are values wherever they are used
     * @param refuse    told each refused node and why
     */
    CodeCheck(Kind kind, Resolver types, Set<String> variables, Resolver.Resolved pattern,
              BiConsumer<Node, Term> refuse) {
        this.kind = kind;
        this.types = types;
        this.variables = variables;
        this.pattern = pattern;
        this.refuse = refuse;
    }

    void statement(Statement s) {
        if (s instanceof BlockStmt b) {
            b.getStatements().forEach(this::statement);
        } else if (s instanceof ExpressionStmt e) {
            value(e.getExpression());
        } else if (s instanceof IfStmt i) {
            value(i.getCondition());
            statement(i.getThenStmt());
            i.getElseStmt().ifPresent(this::statement);
        } else if (s instanceof ForEachStmt f) {
            declaration(f.getVariable());
            value(f.getIterable());
            statement(f.getBody());
        } else if (s instanceof ReturnStmt r) {
            r.getExpression().ifPresent(this::value);
        } else if (s instanceof BreakStmt b) {
            b.getLabel().ifPresent(l -> refuse.accept(b, new Term("code.labelled_break")));
        } else if (s instanceof ContinueStmt c) {
            c.getLabel().ifPresent(l -> refuse.accept(c, new Term("code.labelled_continue")));
        } else if (s instanceof EmptyStmt) {
            return;
        } else {
            refuse.accept(s, new Term("code.statement", statementName(s)));
        }
    }

    /** A refused statement in words. */
    private static Object statementName(Statement s) {
        return switch (construct(s)) {
            case "WhileStmt" -> new Term("code.stmt.while");
            case "DoStmt" -> new Term("code.stmt.do");
            case "ForStmt" -> new Term("code.stmt.for");
            case "LabeledStmt" -> new Term("code.stmt.label");
            case "LocalClassDeclarationStmt", "LocalRecordDeclarationStmt" -> new Term("code.stmt.class");
            case "TryStmt" -> "try/catch";
            case "ThrowStmt" -> "throw";
            case "SynchronizedStmt" -> "synchronized";
            case "SwitchStmt" -> "switch";
            case "AssertStmt" -> "assert";
            default -> construct(s).replaceAll("Stmt$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        };
    }

    /** An expression that must give a value: not a type or a package. */
    void value(Expression e) {
        Ref ref = expression(e);
        if (ref instanceof TypeRef t) {
            refuse.accept(e, new Term("code.type_not_value", t.type().shown()));
        } else if (ref instanceof Pkg p) {
            refuse.accept(e, new Term("code.unknown_name", p.name()));
        }
    }

    private Ref expression(Expression e) {
        if (e instanceof DrlxExpression d) {
            if (d.getBind() != null) {
                bindName(d.getBind(), Masks.unmask(d.getBind().getIdentifier()));
            }
            value(d.getExpr());
            return VALUE;
        }
        if (e instanceof StringLiteralExpr || e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr
                || e instanceof DoubleLiteralExpr || e instanceof BooleanLiteralExpr || e instanceof CharLiteralExpr
                || e instanceof NullLiteralExpr || e instanceof TextBlockLiteralExpr
                || e instanceof BigDecimalLiteralExpr || e instanceof BigIntegerLiteralExpr) {
            return VALUE;
        }
        if (e instanceof NameExpr n) {
            if (n instanceof DrlNameExpr d && d.getBackReferencesCount() > 0) {
                refuse.accept(e, new Term("code.back_reference"));
                return BAD;
            }
            return name(n);
        }
        if (e instanceof FieldAccessExpr f) {
            return field(f, f.getScope(), Masks.unmask(f.getNameAsString()));
        }
        if (e instanceof NullSafeFieldAccessExpr f) {
            return field(f, f.getScope(), Masks.unmask(f.getNameAsString()));
        }
        if (e instanceof MethodCallExpr m) {
            m.getTypeArguments().ifPresent(args -> args.forEach(this::type));
            return call(m, m.getScope(), Masks.unmask(m.getNameAsString()), m.getArguments());
        }
        if (e instanceof NullSafeMethodCallExpr m) {
            m.getTypeArguments().ifPresent(args -> args.forEach(this::type));
            return call(m, m.getScope(), Masks.unmask(m.getNameAsString()), m.getArguments());
        }
        if (e instanceof ObjectCreationExpr o) {
            return creation(o);
        }
        if (e instanceof BinaryExpr b) {
            value(b.getLeft());
            value(b.getRight());
            return VALUE;
        }
        if (e instanceof UnaryExpr u) {
            value(u.getExpression());
            return VALUE;
        }
        if (e instanceof EnclosedExpr p) {
            return expression(p.getInner());
        }
        if (e instanceof ConditionalExpr c) {
            value(c.getCondition());
            value(c.getThenExpr());
            value(c.getElseExpr());
            return VALUE;
        }
        if (e instanceof CastExpr c) {
            type(c.getType());
            value(c.getExpression());
            return VALUE;
        }
        if (e instanceof InstanceOfExpr i) {
            if (i.getPattern().isPresent()) {
                refuse.accept(i, new Term("code.instanceof_pattern"));
                return BAD;
            }
            type(i.getType());
            value(i.getExpression());
            return VALUE;
        }
        if (e instanceof ArrayAccessExpr a) {
            value(a.getName());
            value(a.getIndex());
            return VALUE;
        }
        if (e instanceof AssignExpr a) {
            if (kind == Kind.CONDITION || !(a.getTarget() instanceof NameExpr || a.getTarget() instanceof ArrayAccessExpr)) {
                refuse.accept(a, new Term("code.assign_local_only"));
                return BAD;
            }
            value(a.getTarget());
            value(a.getValue());
            return VALUE;
        }
        if (e instanceof VariableDeclarationExpr v && kind != Kind.CONDITION) {
            declaration(v);
            return VALUE;
        }
        if (e instanceof ThisExpr t && kind == Kind.CONDITION && t.getTypeName().isEmpty()) {
            return VALUE;
        }
        if (e instanceof PointFreeExpr p && kind == Kind.CONDITION) {
            operator(p, p.getOperator().getIdentifier());
            value(p.getLeft());
            p.getRight().forEach(this::value);
            return VALUE;
        }
        if (e instanceof HalfPointFreeExpr p && kind == Kind.CONDITION) {
            operator(p, p.getOperator().getIdentifier());
            p.getRight().forEach(this::value);
            return VALUE;
        }
        if (e instanceof HalfBinaryExpr h && kind == Kind.CONDITION) {
            value(h.getRight());
            return VALUE;
        }
        if (e instanceof InlineCastExpr c && kind == Kind.CONDITION) {
            type(c.getType());
            value(c.getExpression());
            return VALUE;
        }
        refuse.accept(e, refusal(e));
        return BAD;
    }

    /** Why a construct with no case above is refused. */
    private Term refusal(Expression e) {
        String what = construct(e);
        return switch (what) {
            case "ClassExpr" -> new Term("code.class_literal", e.toString());
            case "MethodReferenceExpr" -> new Term("code.method_reference");
            case "LambdaExpr" -> new Term("code.lambda");
            case "ArrayCreationExpr", "ArrayInitializerExpr" -> new Term("code.array");
            case "ThisExpr", "SuperExpr" -> new Term("code.this_super");
            case "SwitchExpr" -> new Term("code.switch_expression");
            default -> new Term("code.construct", what.replaceAll("(Expr|Expression|Stmt)$", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase());
        };
    }

    private static String construct(Node n) {
        return n.getClass().getSimpleName();
    }

    private void operator(Node at, String op) {
        if (!OPERATORS.contains(op)) {
            refuse.accept(at, new Term("code.operator", op, String.join(", ", OPERATORS.stream().sorted().toList())));
        }
    }

    private Ref name(NameExpr n) {
        String name = Masks.unmask(n.getNameAsString());
        if (CONTEXT.contains(name)) {
            if (kind == Kind.CONSEQUENCE && n.getParentNode().orElse(null) instanceof MethodCallExpr call
                    && call.getScope().isEmpty() && types.helper(call.getNameAsString())
                    && call.getArguments().stream().anyMatch(a -> a == n)) {
                return VALUE;
            }
            refuse.accept(n, new Term("code.context_only_to_helpers", name, types.helperNames()));
            return BAD;
        }
        if (local(n, name) || variables.contains(name)) {
            return VALUE;
        }
        if (kind == Kind.CONDITION && pattern != null && pattern.hasProperty(name)) {
            return VALUE;
        }
        Optional<Resolver.Resolved> type = types.simple(name);
        if (type.isPresent()) {
            return new TypeRef(type.get());
        }
        if (types.refusedSimple(name)) {
            refuse.accept(n, new Term("code.not_allowed_what_is", chain(n, name), Resolver.ALLOWED));
            return BAD;
        }
        if (AllowList.packagePrefix(name)) {
            return new Pkg(name);
        }
        refuse.accept(n, kind == Kind.CONDITION && pattern != null
                ? new Term("code.unknown_field_of", name, pattern.shown()) : new Term("code.unknown_name", name));
        return BAD;
    }

    private Ref field(Expression at, Expression scope, String name) {
        Ref left = expression(scope);
        if (left instanceof Bad) {
            return BAD;
        }
        if (left instanceof Value) {
            if (AllowList.factProperty(name) || types.declaredField(name) || name.equals("length")) {
                return VALUE;
            }
            refuse.accept(at, new Term("code.not_a_field", name));
            return BAD;
        }
        if (left instanceof TypeRef t) {
            if (t.type().staticField(name)) {
                return VALUE;
            }
            Optional<Resolver.Resolved> nested = types.qualified(t.type().name() + "." + name);
            if (nested.isPresent()) {
                return new TypeRef(nested.get());
            }
            refuse.accept(at, new Term("code.not_allowed", t.type().shown() + "." + name));
            return BAD;
        }
        String dotted = ((Pkg) left).name() + "." + name;
        Optional<Resolver.Resolved> type = types.qualified(dotted);
        if (type.isPresent()) {
            return new TypeRef(type.get());
        }
        if (AllowList.packagePrefix(dotted)) {
            return new Pkg(dotted);
        }
        refuse.accept(at, new Term("code.not_allowed_what_is", chain(at, dotted), Resolver.ALLOWED));
        return BAD;
    }

    /** What is written from {@code start} on, {@code java.nio.file.Files.delete(…)}: the whole name that is refused. */
    private static String chain(Node start, String text) {
        StringBuilder written = new StringBuilder(text);
        Node current = start;
        while (current.getParentNode().isPresent()) {
            Node parent = current.getParentNode().get();
            if (parent instanceof FieldAccessExpr f && f.getScope() == current) {
                written.append('.').append(Masks.unmask(f.getNameAsString()));
            } else if (parent instanceof MethodCallExpr m && m.getScope().orElse(null) == current) {
                written.append('.').append(Masks.unmask(m.getNameAsString())).append("(…)");
                break;
            } else {
                break;
            }
            current = parent;
        }
        return written.toString();
    }

    private Ref call(Expression at, Optional<Expression> scope, String name, NodeList<Expression> args) {
        if (scope.isEmpty()) {
            boolean known = types.function(name) || types.helper(name) && kind == Kind.CONSEQUENCE
                    || MACROS.contains(name) && kind == Kind.CONSEQUENCE
                    || kind == Kind.CONDITION && pattern != null && pattern.hasMethod(name);
            if (!known) {
                refuse.accept(at, kind == Kind.CONSEQUENCE ? new Term("code.unknown_function_then", name, types.helperNames())
                        : kind == Kind.CONDITION ? new Term("code.unknown_function_when", name)
                        : new Term("code.unknown_function", name));
                args.forEach(this::value);
                return BAD;
            }
            args.forEach(this::value);
            return VALUE;
        }
        Ref left = expression(scope.get());
        args.forEach(this::value);
        if (left instanceof Bad) {
            return BAD;
        }
        if (left instanceof Value) {
            if (AllowList.method(name) || types.accessor(name)) {
                return VALUE;
            }
            refuse.accept(at, new Term("code.method", name));
            return BAD;
        }
        if (left instanceof TypeRef t) {
            if (t.type().staticMethod(name)) {
                return VALUE;
            }
            refuse.accept(at, new Term("code.not_allowed", t.type().shown() + "." + name + "(…)"));
            return BAD;
        }
        refuse.accept(scope.get(), new Term("code.unknown_name", ((Pkg) left).name()));
        return BAD;
    }

    private Ref creation(ObjectCreationExpr o) {
        if (o.getAnonymousClassBody().isPresent()) {
            refuse.accept(o, new Term("code.anonymous_class"));
            return BAD;
        }
        if (o.getScope().isPresent()) {
            refuse.accept(o, new Term("code.outer_new"));
            return BAD;
        }
        Optional<Resolver.Resolved> type = type(o.getType());
        o.getArguments().forEach(this::value);
        if (type.isEmpty()) {
            return BAD;
        }
        if (!type.get().constructible()) {
            refuse.accept(o, new Term("code.new", type.get().shown()));
            return BAD;
        }
        return VALUE;
    }

    private void declaration(VariableDeclarationExpr v) {
        for (VariableDeclarator d : v.getVariables()) {
            type(d.getType());
            bindName(d, Masks.unmask(d.getNameAsString()));
            d.getInitializer().ifPresent(this::value);
        }
    }

    private void bindName(Node at, String name) {
        if (CONTEXT.contains(name)) {
            refuse.accept(at, new Term("code.context_declared", name));
        }
    }

    /** A type written in the code: allowed, a declared type, a primitive, or an array of those. */
    Optional<Resolver.Resolved> type(Type t) {
        if (t instanceof PrimitiveType || t instanceof VarType) {
            return Optional.empty();
        }
        if (t instanceof ArrayType a) {
            return type(a.getComponentType());
        }
        if (t instanceof WildcardType w) {
            w.getExtendedType().ifPresent(this::type);
            w.getSuperType().ifPresent(this::type);
            return Optional.empty();
        }
        if (t instanceof ClassOrInterfaceType c) {
            c.getTypeArguments().ifPresent(args -> args.forEach(this::type));
            String written = c.getNameWithScope();
            Optional<Resolver.Resolved> resolved = types.named(written);
            if (resolved.isEmpty()) {
                refuse.accept(c, new Term("code.not_allowed_what_is", written, Resolver.ALLOWED));
            }
            return resolved;
        }
        refuse.accept(t, new Term("code.type", t.toString()));
        return Optional.empty();
    }

    /** Whether {@code name} at {@code node} is a local variable declared before it in an enclosing block. */
    private boolean local(Node node, String name) {
        Node child = node;
        Node parent = node.getParentNode().orElse(null);
        while (parent != null) {
            if (parent instanceof BlockStmt b) {
                for (Statement s : b.getStatements()) {
                    if (s == child) {
                        break;
                    }
                    if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v
                            && v.getVariables().stream().anyMatch(d -> d.getNameAsString().equals(name))) {
                        return true;
                    }
                }
            } else if (parent instanceof ForEachStmt f && child == f.getBody()
                    && f.getVariable().getVariables().stream().anyMatch(d -> d.getNameAsString().equals(name))) {
                return true;
            } else if (parent instanceof VariableDeclarationExpr v) {
                for (VariableDeclarator d : v.getVariables()) {
                    if (d == child) {
                        break;
                    }
                    if (d.getNameAsString().equals(name)) {
                        return true;
                    }
                }
            }
            child = parent;
            parent = parent.getParentNode().orElse(null);
        }
        return false;
    }
}
