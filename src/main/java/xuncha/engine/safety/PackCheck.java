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
import xuncha.problems.Messages.Term;
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
            "title_en", "cites", "zh", "en", "derive", "deadline");
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
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17).setPreprocessUnicodeEscapes(false)
            // Comments are read as the parser reads them but not attached to nodes: nothing here looks at them.
            .setAttributeComments(false);
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
                say(file, escape.start(), "pack.unicode_escape");
                continue;
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, file.text());
            } catch (DroolsParserException | RuntimeException e) {
                problems.say(Location.ofFile(file.shown()), "pack.drl_unreadable_detail", detail(e.getMessage()));
                continue;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError error : parser.getErrors()) {
                    Location at = error instanceof ParserError pe && pe.getRow() > 0
                            ? new Location(file.shown(), pe.getRow(), pe.getCol() + 1) : Location.ofFile(file.shown());
                    problems.say(at, "pack.drl", detail(DRL_PREFIX.matcher(firstLine(error.getMessage())).replaceFirst("")));
                }
                if (!parser.hasErrors()) {
                    problems.say(Location.ofFile(file.shown()), "pack.drl_unreadable");
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
            say(file, find(file, "package", 0), "pack.package",
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
                say(file, written >= 0 && written - start < 200 ? written : start, "pack.import",
                        target, Resolver.ALLOWED);
            }
        }
        Set<String> helpers = new HashSet<>();
        for (FunctionImportDescr f : pkg.getFunctionImports()) {
            if (AllowList.HELPERS.contains(f.getTarget())) {
                helpers.add(f.getTarget().substring(f.getTarget().lastIndexOf('.') + 1));
            } else {
                say(file, at(file, f, "import"), "pack.import_function",
                        f.getTarget(), String.join(", ", AllowList.HELPERS));
            }
        }
        pkg.getAccumulateImports().forEach(a -> say(file, at(file, a, "import"), "pack.import_accumulate"));
        Resolver types = new Resolver(imports, wildcardFacts, declared, functions, helpers);
        Set<String> globals = new HashSet<>();
        for (GlobalDescr g : pkg.getGlobals()) {
            String type = AllowList.GLOBALS.get(g.getIdentifier());
            boolean sameType = type != null && types.named(g.getType())
                    .map(r -> r.name().equals(type)).orElse(false);
            if (sameType) {
                globals.add(g.getIdentifier());
            } else {
                say(file, at(file, g, "global"), "pack.global", g.getType(), g.getIdentifier());
            }
        }
        for (AttributeDescr a : pkg.getAttributes()) {
            attribute(file, a);
        }
        if (!pkg.getEnumDeclarations().isEmpty()) {
            say(file, at(file, pkg.getEnumDeclarations().get(0), "declare"), "pack.declare_enum");
        }
        pkg.getEntryPointDeclarations().forEach(d -> say(file, at(file, d, "declare"), "pack.entry_point"));
        pkg.getWindowDeclarations().forEach(d -> say(file, at(file, d, "declare"), "pack.window"));
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
            say(file, at, "pack.type_name", name);
        }
        if (!type.getSuperTypes().isEmpty()) {
            say(file, at, "pack.type_extends", name, type.getSuperTypes());
        }
        if (!type.getAnnotations().isEmpty()) {
            say(file, at, "pack.type_annotation", name,
                    type.getAnnotationNames().iterator().next());
        }
        for (TypeFieldDescr field : type.getFields().values()) {
            int fieldAt = field.getStartCharacter() >= 0 ? field.getStartCharacter() : at;
            String written = field.getPattern().getObjectType();
            boolean primitive = written.matches("int|long|double|boolean");
            boolean allowed = primitive || types.named(written).isPresent();
            if (!allowed) {
                say(file, fieldAt, "pack.field_type", field.getFieldName(), name, written,
                        Resolver.ALLOWED);
            }
            if (field.getInitExpr() != null) {
                say(file, fieldAt, "pack.field_initial", field.getFieldName(), name);
            }
            if (!field.getAnnotations().isEmpty()) {
                say(file, fieldAt, "pack.field_annotation", field.getFieldName(), name);
            }
        }
    }

    private void function(Source file, FunctionDescr f, Resolver types) {
        int at = at(file, f, "function");
        if (f.getDialect() != null && !f.getDialect().equals("java")) {
            say(file, at, "pack.function_dialect", f.getName(), f.getDialect());
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
                say(file, at, "pack.function_type", f.getName(), type, Resolver.ALLOWED);
            }
        }
        Set<String> variables = new HashSet<>(params.keySet());
        int body = f.getBody() == null ? -1 : file.text().indexOf(f.getBody(), Math.max(at, 0));
        block(file, f.getBody(), body, at, CodeCheck.Kind.FUNCTION, types, variables, new Term("pack.what.function", f.getName()));
    }

    private void rule(Source file, RuleDescr rule, Resolver types, Set<String> globals) {
        int at = at(file, rule, rule instanceof QueryDescr ? "query" : "rule");
        if (rule instanceof QueryDescr || rule.isQuery()) {
            say(file, at, "pack.query", rule.getName());
            return;
        }
        if (rule.getParentName() != null) {
            say(file, at, "pack.rule_extends", rule.getName());
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            say(file, at, "pack.named_consequence",
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
                    new Term("pack.what.consequence", rule.getName())).ifPresent(c -> FindingCalls.check(c.block(),
                    messages(rule), givesDeadline(rule), types, c.refuse()));
        }
    }

    /** A consequence or function body: parsed as a Java block (JavaParser, which keeps positions), then checked. */
    private Optional<Checked> block(Source file, String text, int offset, int fallback, CodeCheck.Kind kind,
                                    Resolver types, Set<String> variables, Term what) {
        if (text == null || text.isBlank() || doubleDollar(file, text, offset, fallback)) {
            return Optional.empty();
        }
        String code = HEADER + text + "\n}";
        ParseResult<BlockStmt> java = new JavaParser(JAVA).parse(ParseStart.BLOCK,
                Providers.provider(code));
        BlockStmt block = java.getResult().filter(b -> java.isSuccessful()).orElse(null);
        Matcher modify = MODIFY.matcher(Masks.blanked(text));
        if (block == null && kind == CodeCheck.Kind.CONSEQUENCE && modify.find()) {
            say(file, offset >= 0 ? offset + modify.start() : fallback, "pack.modify");
            return Optional.empty();
        }
        if (block == null) {
            String message = java.getProblems().isEmpty() ? "" : firstLine(java.getProblems().get(0).getMessage());
            say(file, offsetOf(code, HEADER, offset, fallback, message), "pack.cannot_read", what, detail(message));
            return Optional.empty();
        }
        java.util.function.BiConsumer<Node, Term> refuse = refuser(file, block, code, offset, fallback, HEADER);
        new CodeCheck(kind, types, variables, null, refuse).statement(block);
        return Optional.of(new Checked(block, refuse));
    }

    /** A body read and checked: its tree, and how to report a node of it. */
    private record Checked(BlockStmt block, java.util.function.BiConsumer<Node, Term> refuse) {
    }

    /** Code may not hold "$$": {@link Masks} uses it. */
    private boolean doubleDollar(Source file, String text, int offset, int fallback) {
        int at = text.indexOf("$$");
        if (at >= 0) {
            say(file, offset >= 0 ? offset + at : fallback, "pack.double_dollar");
            return true;
        }
        return false;
    }

    /**
     * Reports a refused node at its place in the file: by the position the parser gave, or, where
     * the DRL parser gives none, by finding the node's first token among the code's tokens.
     */
    private java.util.function.BiConsumer<Node, Term> refuser(Source file, Node root, String code, int offset,
                                                                int fallback, String header) {
        return (node, why) -> {
            int where = fallback;
            if (offset >= 0) {
                Position p = node.getBegin().filter(b -> b.line > 0).orElse(null);
                int in = p != null ? offsetIn(code, p.line, p.column) : tokenOffset(root, node, code);
                where = in < 0 ? offset : offset + Math.max(0, in - header.length());
            }
            say(file, where, why.key(), why.args());
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
                say(file, start(d), "pack.eval");
            } else {
                say(file, start(d), "pack.condition_construct", kindOf(d));
            }
        }

        private void pattern(PatternDescr p) {
            if (p.getIdentifier() != null) {
                bind(p.getIdentifier(), start(p));
            }
            if (p.isQuery()) {
                say(file, start(p), "pack.query_call");
                return;
            }
            if (!p.getBehaviors().isEmpty()) {
                say(file, start(p), "pack.window_over");
            }
            String written = p.getObjectType();
            java.util.Optional<Resolver.Resolved> type = types.named(written);
            if (type.isEmpty()) {
                say(file, start(p), "pack.pattern_type", written);
            }
            BaseDescr source = p.getSource();
            if (source instanceof AccumulateDescr a) {
                accumulate(a);
            } else if (source instanceof CollectDescr c) {
                pattern(c.getInputPattern());
            } else if (source instanceof FromDescr f) {
                say(file, start(p), "pack.from", detail(f.getDataSource() == null ? ""
                        : f.getDataSource().toString()));
            } else if (source instanceof EntryPointDescr) {
                say(file, start(p), "pack.entry_point");
            } else if (source != null) {
                say(file, start(p), "pack.source", kindOf(source));
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    condition(e.getExpression(), e, CodeCheck.Kind.CONDITION, type.orElse(null));
                } else {
                    say(file, start(c), "pack.in_pattern", kindOf(c));
                }
            }
        }

        private void accumulate(AccumulateDescr a) {
            if (a instanceof GroupByDescr) {
                say(file, start(a), "pack.groupby");
                return;
            }
            if (!a.isExternalFunction() || a.getInitCode() != null || a.getActionCode() != null
                    || a.getReverseCode() != null || a.getResultCode() != null) {
                say(file, start(a), "pack.accumulate_code");
                return;
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    say(file, start(a), "pack.accumulate_function", f.getFunction());
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
                    throw new IllegalArgumentException(result.getProblems().isEmpty() ? ""
                            : result.getProblems().get(0).getMessage());
                }
                parsed = result.getResult().get();
            } catch (RuntimeException e) {
                String message = firstLine(e.getMessage());
                say(file, offsetOf(text, "", offset, base, message), "pack.condition_unreadable", Diagnostics.quote(text.strip()), detail(message));
                return;
            }
            if (parsed instanceof DrlxExpression d && d.getBind() != null) {
                bind(Masks.unmask(d.getBind().getIdentifier()), base);
            }
            tasks.add(new Task(kind, parsed, pattern, text, offset, base));
        }

        private void bind(String name, int at) {
            if (name.equals("drools") || name.equals("kcontext")) {
                say(file, at, "pack.context_bound", name);
            }
            bindings.add(name);
        }
    }

    /** The rule's message texts by annotation name ({@code zh}, {@code en_no_budget} …), read as text. */
    /** Whether the rule says its findings give their own deadline: {@code @deadline("finding")}. */
    private static boolean givesDeadline(RuleDescr rule) {
        return rule.getAnnotations().stream().anyMatch(a -> a.getName().equals("deadline")
                && ("\"" + xuncha.findings.Deadline.FINDING.yaml() + "\"").equals(
                        String.valueOf(a.getValueMap().get("value")).strip()));
    }

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
            say(file, at, "pack.annotation_refused", name);
            return;
        }
        if (!ANNOTATIONS.contains(name) && !VARIANT.matcher(name).matches()) {
            say(file, at, "pack.annotation_unknown", name);
            return;
        }
        Map<String, Object> values = a.getValueMap();
        if (name.equals("derive")) {
            if (!values.isEmpty()) {
                say(file, at, "pack.derive_value");
            }
            return;
        }
        if (values.size() != 1 || !values.containsKey("value")) {
            say(file, at, "pack.annotation_text", name, name);
            return;
        }
        String value = String.valueOf(values.get("value")).strip();
        if (!STRING.matcher(value).matches()) {
            say(file, at, "pack.annotation_text_only", name, name,
                    Diagnostics.quote(value));
        }
    }

    private void attribute(Source file, AttributeDescr a) {
        int at = start(a);
        String value = a.getValue() == null ? "" : a.getValue().strip();
        switch (a.getName()) {
            case "salience" -> {
                if (!INT.matcher(value).matches()) {
                    say(file, at, "pack.salience", Diagnostics.quote(value));
                }
            }
            case "no-loop", "lock-on-active" -> {
                if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                    say(file, at, "pack.boolean_attribute", a.getName(), Diagnostics.quote(value));
                }
            }
            case "dialect" -> {
                if (!value.replace("\"", "").equals("java")) {
                    say(file, at, "pack.dialect", value);
                }
            }
            default -> say(file, at, "pack.attribute", a.getName());
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

    private void say(Source file, int offset, String key, Object... args) {
        Location at = offset < 0 || offset > file.text().length() ? Location.ofFile(file.shown())
                : Location.ofOffset(file.shown(), file.text(), offset);
        problems.say(at, key, args);
    }

    private static String kindOf(BaseDescr d) {
        return d.getClass().getSimpleName().replaceAll("Descr$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
    }

    /** A parser's word on what it could not read, shown after ours: its first line, or "no detail" in the user's language. */
    private static Object detail(String message) {
        String first = firstLine(message);
        return first.isEmpty() ? new Term("pack.no_detail") : first;
    }
}
