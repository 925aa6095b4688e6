package xuncha.engine.safety;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.Providers;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.mvel.parser.MvelParser;
import org.drools.mvel.parser.WholeConstraint;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import xuncha.facts.Location;
import xuncha.problems.Diagnostics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules pack is checked, not trusted. Every DRL file is parsed with Drools' own parser, and
 * the result must use only what a pack needs: {@code package xuncha.rules}, imports of the
 * {@link AllowList}, rules with the known metadata (string literals, read as text), patterns over
 * fact and declared types, accumulate with the built-in functions, not/exists/or/forall, literal
 * salience and no-loop, functions, declared types of allowed fields, the {@code period} global
 * and the {@code finding} helper. Each condition, accumulate argument, consequence and function
 * body is then parsed into a syntax tree (the executable model's DRL expression parser) and
 * checked by {@link CodeCheck}. All of this runs before anything of the pack is compiled or
 * evaluated; every refusal is located at file, line and column.
 */
public final class PackCheck {
    /** One DRL file: how messages name it, and its text. */
    public record Source(String shown, String text) {
    }

    /** Metadata a rule may carry; {@code zh_<variant>} and {@code en_<variant>} too. */
    private static final Set<String> ANNOTATIONS = Set.of("id", "level", "checks", "thresholds", "title_zh",
            "title_en", "cites", "zh", "en", "derive");
    private static final Pattern VARIANT = Pattern.compile("(zh|en)_[a-z][a-z0-9_]*");
    /** A plain string literal: no escapes but \" and \\, so it reads the same to every reader. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\r\\n]|\\\\[\"\\\\])*\"");
    private static final Pattern INT = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DRL_PREFIX = Pattern.compile("^(?:\\[ERR \\d+] )?Line \\d+:\\d+\\s*");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+),? column (\\d+)");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
            "collectList", "collectSet");
    private static final String HEADER = "{";
    private static final ParserConfiguration JAVA = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17).setPreprocessUnicodeEscapes(false);
    private static final Pattern MODIFY = Pattern.compile("\\bmodify\\s*\\(");

    private final Diagnostics problems;
    private final Map<String, Resolver.Declared> declared = new LinkedHashMap<>();
    private final Set<String> functions = new HashSet<>();

    private PackCheck(Diagnostics problems) {
        this.problems = problems;
    }

    /** Checks every file; each refusal goes to {@code problems}. */
    public static void check(List<Source> files, Diagnostics problems) {
        new PackCheck(problems).run(files);
    }

    private void run(List<Source> files) {
        List<Parsed> parsed = new ArrayList<>();
        for (Source file : files) {
            Matcher escape = UNICODE_ESCAPE.matcher(file.text());
            if (escape.find()) {
                error(file, escape.start(), "a \\u escape is not allowed in a rules file: write the character itself");
                continue;
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, file.text());
            } catch (DroolsParserException | RuntimeException e) {
                problems.error(Location.ofFile(file.shown()), "DRL: cannot read the file: %s", firstLine(e.getMessage()));
                continue;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError error : parser.getErrors()) {
                    Location at = error instanceof ParserError pe && pe.getRow() > 0
                            ? new Location(file.shown(), pe.getRow(), pe.getCol() + 1) : Location.ofFile(file.shown());
                    problems.error(at, "DRL: %s", DRL_PREFIX.matcher(firstLine(error.getMessage())).replaceFirst(""));
                }
                if (!parser.hasErrors()) {
                    problems.error(Location.ofFile(file.shown()), "DRL: cannot read the file");
                }
                continue;
            }
            parsed.add(new Parsed(file, pkg));
        }
        for (Parsed p : parsed) {
            for (TypeDeclarationDescr type : p.pkg().getTypeDeclarations()) {
                Map<String, String> fields = new LinkedHashMap<>();
                type.getFields().forEach((name, field) -> fields.put(name, field.getPattern().getObjectType()));
                declared.put(type.getTypeName(), new Resolver.Declared(type.getTypeName(), fields));
            }
            p.pkg().getFunctions().forEach(f -> functions.add(f.getName()));
        }
        parsed.forEach(this::file);
    }

    private record Parsed(Source file, PackageDescr pkg) {
    }

    private void file(Parsed parsed) {
        Source file = parsed.file();
        PackageDescr pkg = parsed.pkg();
        if (!AllowList.PACKAGE.equals(pkg.getNamespace())) {
            error(file, find(file, "package", 0), "a rules file begins with 'package %s;', not '%s'",
                    AllowList.PACKAGE, pkg.getNamespace());
        }
        Map<String, String> imports = new HashMap<>();
        boolean wildcardFacts = false;
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            if (target.equals("xuncha.facts.*")) {
                wildcardFacts = true;
            } else if (AllowList.type(target).isPresent()) {
                imports.put(target.substring(target.lastIndexOf('.') + 1), target);
            } else {
                int start = at(file, i, "import");
                int written = start < 0 ? -1 : file.text().indexOf(target.replace(".*", ""), start);
                error(file, written >= 0 && written - start < 200 ? written : start, "the rules may not import %s: %s",
                        target, Resolver.ALLOWED);
            }
        }
        Set<String> helpers = new HashSet<>();
        for (FunctionImportDescr f : pkg.getFunctionImports()) {
            if (AllowList.HELPERS.contains(f.getTarget())) {
                helpers.add(f.getTarget().substring(f.getTarget().lastIndexOf('.') + 1));
            } else {
                error(file, at(file, f, "import"), "the rules may not import the function %s: only %s",
                        f.getTarget(), String.join(", ", AllowList.HELPERS));
            }
        }
        pkg.getAccumulateImports().forEach(a -> error(file, at(file, a, "import"),
                "import accumulate is not allowed: use count, sum, min, max, average, collectList or collectSet"));
        Resolver types = new Resolver(imports, wildcardFacts, declared, functions, helpers);
        Set<String> globals = new HashSet<>();
        for (GlobalDescr g : pkg.getGlobals()) {
            String type = AllowList.GLOBALS.get(g.getIdentifier());
            boolean sameType = type != null && types.named(g.getType())
                    .map(r -> r.name().equals(type)).orElse(false);
            if (sameType) {
                globals.add(g.getIdentifier());
            } else {
                error(file, at(file, g, "global"), "the global %s %s is not one the engine gives: only 'global Period"
                        + " period;'", g.getType(), g.getIdentifier());
            }
        }
        for (AttributeDescr a : pkg.getAttributes()) {
            attribute(file, a);
        }
        if (!pkg.getEnumDeclarations().isEmpty()) {
            error(file, at(file, pkg.getEnumDeclarations().get(0), "declare"), "declare enum is not allowed:"
                    + " the fact model's enums are there to use");
        }
        pkg.getEntryPointDeclarations().forEach(d -> error(file, at(file, d, "declare"),
                "entry points are not allowed in a rules file"));
        pkg.getWindowDeclarations().forEach(d -> error(file, at(file, d, "declare"),
                "windows are not allowed in a rules file"));
        for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
            declaredType(file, type, types);
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            function(file, f, types);
        }
        for (RuleDescr rule : pkg.getRules()) {
            rule(file, rule, types, globals);
        }
    }

    private void declaredType(Source file, TypeDeclarationDescr type, Resolver types) {
        int at = at(file, type, "declare");
        String name = type.getTypeName();
        if (!name.matches("[A-Z][A-Za-z0-9]*") || AllowList.implicit(name).isPresent() || types.refusedSimple(name)
                || AllowList.types().stream().anyMatch(c -> c.getSimpleName().equals(name))) {
            error(file, at, "the declared type %s needs a name of its own (a capital letter first, and not the name"
                    + " of a Java or fact-model type)", name);
        }
        if (!type.getSuperTypes().isEmpty()) {
            error(file, at, "a declared type may not extend another (%s extends %s)", name, type.getSuperTypes());
        }
        if (!type.getAnnotations().isEmpty()) {
            error(file, at, "a declared type may not carry annotations (%s has @%s)", name,
                    type.getAnnotationNames().iterator().next());
        }
        for (TypeFieldDescr field : type.getFields().values()) {
            int fieldAt = field.getStartCharacter() >= 0 ? field.getStartCharacter() : at;
            String written = field.getPattern().getObjectType();
            boolean primitive = written.matches("int|long|double|boolean");
            boolean allowed = primitive || types.named(written).isPresent();
            if (!allowed) {
                error(file, fieldAt, "the field %s of %s has the type %s: %s", field.getFieldName(), name, written,
                        Resolver.ALLOWED);
            }
            if (field.getInitExpr() != null) {
                error(file, fieldAt, "the field %s of %s may not have an initial value", field.getFieldName(), name);
            }
            if (!field.getAnnotations().isEmpty()) {
                error(file, fieldAt, "the field %s of %s may not carry annotations", field.getFieldName(), name);
            }
        }
    }

    private void function(Source file, FunctionDescr f, Resolver types) {
        int at = at(file, f, "function");
        if (f.getDialect() != null && !f.getDialect().equals("java")) {
            error(file, at, "the function %s is in the dialect '%s': only java is allowed", f.getName(), f.getDialect());
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < f.getParameterNames().size(); i++) {
            params.put(f.getParameterNames().get(i), f.getParameterTypes().get(i));
        }
        List<String> written = new ArrayList<>(params.values());
        written.add(f.getReturnType());
        for (String type : written) {
            String bare = type.replaceAll("\\s+", "").replaceAll("<.*>|\\[]", "");
            boolean ok = bare.matches("void|int|long|double|boolean") || types.named(bare).isPresent();
            if (!ok) {
                error(file, at, "the function %s uses the type %s: %s", f.getName(), type, Resolver.ALLOWED);
            }
        }
        Set<String> variables = new HashSet<>(params.keySet());
        int body = f.getBody() == null ? -1 : file.text().indexOf(f.getBody(), Math.max(at, 0));
        block(file, f.getBody(), body, at, CodeCheck.Kind.FUNCTION, types, variables, "the function " + f.getName());
    }

    private void rule(Source file, RuleDescr rule, Resolver types, Set<String> globals) {
        int at = at(file, rule, rule instanceof QueryDescr ? "query" : "rule");
        if (rule instanceof QueryDescr || rule.isQuery()) {
            error(file, at, "queries are not allowed in a rules file (%s)", rule.getName());
            return;
        }
        if (rule.getParentName() != null) {
            error(file, at, "rule \"%s\" extends another rule: write its conditions out", rule.getName());
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            error(file, at, "rule \"%s\" has named consequences (then[…] / do[…]): one consequence per rule",
                    rule.getName());
        }
        int end = rule.getEndCharacter() > at ? rule.getEndCharacter() : file.text().length();
        for (AnnotationDescr a : rule.getAnnotations()) {
            annotation(file, rule, a, at, end);
        }
        for (AttributeDescr a : rule.getAttributes().values()) {
            attribute(file, a);
        }
        Lhs lhs = new Lhs(file, types);
        lhs.walk(rule.getLhs());
        Set<String> variables = new HashSet<>(lhs.bindings);
        variables.addAll(globals);
        for (Lhs.Task task : lhs.tasks) {
            new CodeCheck(task.kind(), types, variables, task.pattern(), refuser(file, task.expression(),
                    Masks.mask(task.text()), task.offset(), task.fallback(), "")).value(task.expression());
        }
        Object consequence = rule.getConsequence();
        if (consequence instanceof String text && !text.isBlank()) {
            int then = find(file, "then", Math.max(at, 0));
            int offset = file.text().indexOf(text, Math.max(then, 0));
            block(file, text, offset, then, CodeCheck.Kind.CONSEQUENCE, types, variables,
                    "the consequence of rule \"" + rule.getName() + "\"").ifPresent(c -> FindingCalls.check(c.block(),
                    messages(rule), types, c.refuse()));
        }
    }

    /** A consequence or function body: parsed as a Java block (JavaParser, which keeps positions), then checked. */
    private Optional<Checked> block(Source file, String text, int offset, int fallback, CodeCheck.Kind kind,
                                    Resolver types, Set<String> variables, String what) {
        if (text == null || text.isBlank() || doubleDollar(file, text, offset, fallback)) {
            return Optional.empty();
        }
        String code = HEADER + text + "\n}";
        ParseResult<BlockStmt> java = new JavaParser(JAVA).parse(ParseStart.BLOCK,
                Providers.provider(code));
        BlockStmt block = java.getResult().filter(b -> java.isSuccessful()).orElse(null);
        Matcher modify = MODIFY.matcher(Masks.blanked(text));
        if (block == null && kind == CodeCheck.Kind.CONSEQUENCE && modify.find()) {
            error(file, offset >= 0 ? offset + modify.start() : fallback, "modify( … ) { … } is not allowed: write"
                    + " $fact.setField(value); update($fact); instead");
            return Optional.empty();
        }
        if (block == null) {
            String message = java.getProblems().isEmpty() ? "cannot read it"
                    : firstLine(java.getProblems().get(0).getMessage());
            error(file, offsetOf(code, HEADER, offset, fallback, message), "cannot read %s: %s", what, message);
            return Optional.empty();
        }
        java.util.function.BiConsumer<Node, String> refuse = refuser(file, block, code, offset, fallback, HEADER);
        new CodeCheck(kind, types, variables, null, refuse).statement(block);
        return Optional.of(new Checked(block, refuse));
    }

    /** A body read and checked: its tree, and how to report a node of it. */
    private record Checked(BlockStmt block, java.util.function.BiConsumer<Node, String> refuse) {
    }

    /** Code may not hold "$$": {@link Masks} uses it. */
    private boolean doubleDollar(Source file, String text, int offset, int fallback) {
        int at = text.indexOf("$$");
        if (at >= 0) {
            error(file, offset >= 0 ? offset + at : fallback, "'$$' is not allowed in a name");
            return true;
        }
        return false;
    }

    /**
     * Reports a refused node at its place in the file: by the position the parser gave, or, where
     * the DRL parser gives none, by finding the node's first token among the code's tokens.
     */
    private java.util.function.BiConsumer<Node, String> refuser(Source file, Node root, String code, int offset,
                                                                int fallback, String header) {
        return (node, why) -> {
            int where = fallback;
            if (offset >= 0) {
                Position p = node.getBegin().filter(b -> b.line > 0).orElse(null);
                int in = p != null ? offsetIn(code, p.line, p.column) : tokenOffset(root, node, code);
                where = in < 0 ? offset : offset + Math.max(0, in - header.length());
            }
            error(file, where, "%s", why);
        };
    }

    /**
     * Where {@code node} starts in {@code code}, for a tree without positions: its first token is
     * the k-th token of that text to start a node (in source order), so it stands at the k-th
     * occurrence of that text in the code, literals and comments aside.
     */
    private static int tokenOffset(Node root, Node node, String code) {
        com.github.javaparser.JavaToken target = node.getTokenRange().map(r -> r.getBegin()).orElse(null);
        if (target == null || target.getText().isBlank()) {
            return -1;
        }
        java.util.List<com.github.javaparser.JavaToken> same = new ArrayList<>();
        root.walk(com.github.javaparser.ast.Node.TreeTraversal.PREORDER, n -> n.getTokenRange()
                .map(r -> r.getBegin())
                .filter(t -> t.getText().equals(target.getText()) && same.stream().noneMatch(s -> s == t))
                .ifPresent(same::add));
        int k = 0;
        while (k < same.size() && same.get(k) != target) {
            k++;
        }
        String text = Masks.blanked(code);
        String word = target.getText();
        boolean identifier = Character.isJavaIdentifierPart(word.charAt(word.length() - 1));
        Matcher m = Pattern.compile((Character.isJavaIdentifierStart(word.charAt(0)) ? "(?<![\\w$])" : "")
                + Pattern.quote(word) + (identifier ? "(?![\\w$])" : "")).matcher(text);
        int seen = -1;
        while (m.find()) {
            if (++seen == k) {
                return m.start();
            }
        }
        return -1;
    }

    /** Where a parser's "line L, column C" in {@code code} (the text after {@code header}) stands in the file. */
    private static int offsetOf(String code, String header, int offset, int fallback, String message) {
        Matcher m = LINE_COLUMN.matcher(message);
        if (offset >= 0 && m.find()) {
            return offset + offsetIn(code, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) - header.length();
        }
        return fallback;
    }

    private static int offsetIn(String code, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = code.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return 0;
            }
        }
        return Math.max(0, Math.min(code.length(), offset + column - 1));
    }

    /** The conditions of a rule: checks the structure, collects bindings, and queues each expression. */
    private final class Lhs {
        record Task(CodeCheck.Kind kind, Expression expression, Resolver.Resolved pattern, String text, int offset,
                    int fallback) {
        }

        private final Source file;
        private final Resolver types;
        private final Set<String> bindings = new HashSet<>();
        private final List<Task> tasks = new ArrayList<>();

        Lhs(Source file, Resolver types) {
            this.file = file;
            this.types = types;
        }

        void walk(BaseDescr d) {
            if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                    || d instanceof ForallDescr) {
                for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                    walk((BaseDescr) child);
                }
            } else if (d instanceof PatternDescr p) {
                pattern(p);
            } else if (d instanceof EvalDescr) {
                error(file, start(d), "eval(…) is not allowed: write the test as a condition on a fact");
            } else {
                error(file, start(d), "%s is not allowed in a rule's conditions: use patterns, not, exists, or,"
                        + " forall and accumulate", kindOf(d));
            }
        }

        private void pattern(PatternDescr p) {
            if (p.getIdentifier() != null) {
                bind(p.getIdentifier(), start(p));
            }
            if (p.isQuery()) {
                error(file, start(p), "calling a query is not allowed");
                return;
            }
            if (!p.getBehaviors().isEmpty()) {
                error(file, start(p), "windows (over …) are not allowed");
            }
            String written = p.getObjectType();
            java.util.Optional<Resolver.Resolved> type = types.named(written);
            if (type.isEmpty()) {
                error(file, start(p), "a rule may match facts of the fact model and declared types, not %s", written);
            }
            BaseDescr source = p.getSource();
            if (source instanceof AccumulateDescr a) {
                accumulate(a);
            } else if (source instanceof CollectDescr c) {
                pattern(c.getInputPattern());
            } else if (source instanceof FromDescr f) {
                error(file, start(p), "'from %s' is not allowed: a rule matches facts in the session; compute values"
                        + " in a function or the consequence", firstLine(f.getDataSource() == null ? ""
                        : f.getDataSource().toString()));
            } else if (source instanceof EntryPointDescr) {
                error(file, start(p), "entry points are not allowed in a rules file");
            } else if (source != null) {
                error(file, start(p), "%s is not allowed as a source of facts", kindOf(source));
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    condition(e.getExpression(), e, CodeCheck.Kind.CONDITION, type.orElse(null));
                } else {
                    error(file, start(c), "%s is not allowed in a pattern", kindOf(c));
                }
            }
        }

        private void accumulate(AccumulateDescr a) {
            if (a instanceof GroupByDescr) {
                error(file, start(a), "groupby is not allowed: accumulate per group with a pattern");
                return;
            }
            if (!a.isExternalFunction() || a.getInitCode() != null || a.getActionCode() != null
                    || a.getReverseCode() != null || a.getResultCode() != null) {
                error(file, start(a), "accumulate with init/action/result code is not allowed: use count, sum, min,"
                        + " max, average, collectList or collectSet");
                return;
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    error(file, start(a), "accumulate may use count, sum, min, max, average, collectList or collectSet,"
                            + " not %s", f.getFunction());
                }
                if (f.getBind() != null) {
                    bind(f.getBind(), start(a));
                }
                for (String param : f.getParams()) {
                    condition(param, a, CodeCheck.Kind.ACCUMULATE, null);
                }
            }
            if (a.getInput() != null) {
                walk(a.getInput());
            }
        }

        /** Parses one condition or accumulate argument and queues it for the check. */
        private void condition(String text, BaseDescr where, CodeCheck.Kind kind, Resolver.Resolved pattern) {
            int base = start(where);
            int offset = base >= 0 && file.text().startsWith(text, base) ? base : -1;
            if (offset < 0 && base >= 0) {
                int found = file.text().indexOf(text, base);
                offset = found >= 0 && found - base < 400 ? found : -1;
            }
            if (doubleDollar(file, text, offset, base)) {
                return;
            }
            Expression parsed;
            try {
                ParseResult<DrlxExpression> result = new MvelParser().parse(WholeConstraint.START,
                        org.drools.mvel.parser.Providers.provider(Masks.mask(text)));
                if (!result.isSuccessful() || result.getResult().isEmpty()) {
                    throw new IllegalArgumentException(result.getProblems().isEmpty() ? "cannot read it"
                            : result.getProblems().get(0).getMessage());
                }
                parsed = result.getResult().get();
            } catch (RuntimeException e) {
                String message = firstLine(e.getMessage());
                error(file, offsetOf(text, "", offset, base, message),
                        "cannot read the condition '%s': %s", Diagnostics.quote(text.strip()), message);
                return;
            }
            if (parsed instanceof DrlxExpression d && d.getBind() != null) {
                bind(Masks.unmask(d.getBind().getIdentifier()), base);
            }
            tasks.add(new Task(kind, parsed, pattern, text, offset, base));
        }

        private void bind(String name, int at) {
            if (name.equals("drools") || name.equals("kcontext")) {
                error(file, at, "'%s' names the rule's context and may not be bound", name);
            }
            bindings.add(name);
        }
    }

    /** The rule's message texts by annotation name ({@code zh}, {@code en_no_budget} …), read as text. */
    private static Map<String, String> messages(RuleDescr rule) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AnnotationDescr a : rule.getAnnotations()) {
            Object value = a.getValueMap().get("value");
            if (value != null && (a.getName().equals("zh") || a.getName().equals("en")
                    || VARIANT.matcher(a.getName()).matches())) {
                String text = String.valueOf(value).strip();
                if (STRING.matcher(text).matches()) {
                    out.put(a.getName(), text.substring(1, text.length() - 1).replace("\\\"", "\"")
                            .replace("\\\\", "\\"));
                }
            }
        }
        return out;
    }

    private void annotation(Source file, RuleDescr rule, AnnotationDescr a, int ruleAt, int ruleEnd) {
        String name = a.getName();
        int at = a.getStartCharacter() >= 0 ? a.getStartCharacter() : find(file, "@" + name, Math.max(ruleAt, 0));
        if (at > ruleEnd) {
            at = ruleAt;
        }
        if (a.getFullyQualifiedName() != null && !a.getFullyQualifiedName().equals(name)) {
            error(file, at, "the annotation @%s is not allowed: a rule carries xuncha's metadata only", name);
            return;
        }
        if (!ANNOTATIONS.contains(name) && !VARIANT.matcher(name).matches()) {
            error(file, at, "the annotation @%s is not one xuncha knows: @id, @level, @checks, @thresholds, @title_zh,"
                    + " @title_en, @cites, @zh, @en, @zh_<variant>, @en_<variant>, @derive", name);
            return;
        }
        Map<String, Object> values = a.getValueMap();
        if (name.equals("derive")) {
            if (!values.isEmpty()) {
                error(file, at, "@derive takes no value");
            }
            return;
        }
        if (values.size() != 1 || !values.containsKey("value")) {
            error(file, at, "@%s takes one text in double quotes, as in @%s(\"…\")", name, name);
            return;
        }
        String value = String.valueOf(values.get("value")).strip();
        if (!STRING.matcher(value).matches()) {
            error(file, at, "@%s takes one text in double quotes, as in @%s(\"…\"), and nothing else: %s", name, name,
                    Diagnostics.quote(value));
        }
    }

    private void attribute(Source file, AttributeDescr a) {
        int at = start(a);
        String value = a.getValue() == null ? "" : a.getValue().strip();
        switch (a.getName()) {
            case "salience" -> {
                if (!INT.matcher(value).matches()) {
                    error(file, at, "salience takes a whole number, not '%s'", Diagnostics.quote(value));
                }
            }
            case "no-loop", "lock-on-active" -> {
                if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                    error(file, at, "%s takes true or false, not '%s'", a.getName(), Diagnostics.quote(value));
                }
            }
            case "dialect" -> {
                if (!value.replace("\"", "").equals("java")) {
                    error(file, at, "the dialect '%s' is not allowed: rules are written in java", value);
                }
            }
            default -> error(file, at, "the attribute '%s' is not allowed: a rule may set salience, no-loop and"
                    + " lock-on-active, each with a literal", a.getName());
        }
    }

    /** Where a descr starts in its file, or where {@code keyword} is first written when the parser did not say. */
    private int at(Source file, BaseDescr d, String keyword) {
        int start = start(d);
        if (start >= 0) {
            return start;
        }
        if (d.getLine() > 0) {
            return lineOffset(file.text(), d.getLine()) + Math.max(d.getColumn(), 0);
        }
        return find(file, keyword, 0);
    }

    private static int start(BaseDescr d) {
        return d.getStartCharacter();
    }

    private static int lineOffset(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return offset;
            }
            offset = next + 1;
        }
        return offset;
    }

    private static int find(Source file, String word, int from) {
        Matcher m = Pattern.compile("(?<![\\w@])" + Pattern.quote(word) + "\\b").matcher(file.text());
        return m.find(Math.max(0, Math.min(from, file.text().length()))) ? m.start() : -1;
    }

    private void error(Source file, int offset, String format, Object... args) {
        Location at = offset < 0 || offset > file.text().length() ? Location.ofFile(file.shown())
                : Location.ofOffset(file.shown(), file.text(), offset);
        problems.error(at, format, args);
    }

    private static String kindOf(BaseDescr d) {
        return d.getClass().getSimpleName().replaceAll("Descr$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase();
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no detail)";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
