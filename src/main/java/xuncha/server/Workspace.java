package xuncha.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UploadedFile;
import io.javalin.security.RouteRole;
import xuncha.check.Check;
import xuncha.check.CheckListener;
import xuncha.check.CheckRequest;
import xuncha.engine.RulePack;
import xuncha.facts.Location;
import xuncha.ledger.EvidenceStore;
import xuncha.ledger.LedgerDb;
import xuncha.ledger.LedgerStore;
import xuncha.ledger.LedgerView;
import xuncha.problems.Diagnostic;
import xuncha.problems.InputException;
import xuncha.problems.Messages;
import xuncha.report.Report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code xuncha serve}: the workspace on an office's intranet. One pack compiled at start, one
 * ledger, pages rendered on the server in Chinese, the same operations as JSON under {@code /api}.
 * Who may do what is decided here, on the server, for every route: {@link Access} says which roles
 * a route admits, and a clerk is further held to the units it is bound to.
 */
public final class Workspace {
    /** Which roles a route admits. */
    public enum Access implements RouteRole { PUBLIC, ADMIN, INSPECTOR, CLERK }

    static final String COOKIE = "xuncha_session";
    static final String PRE_COOKIE = "xuncha_login";
    private static final String USER = "user";
    private static final String SESSION = "session";

    private final LedgerDb db;
    private final LedgerStore ledger;
    private final Users users;
    private final RulePack pack;
    private final Path data;
    private final EvidenceStore evidence;
    private final Sessions sessions = new Sessions();
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Api api;
    private Javalin app;

    public Workspace(LedgerDb db, RulePack pack, Path data) {
        this.db = db;
        this.ledger = new LedgerStore(db);
        this.users = new Users(db);
        this.pack = pack;
        this.data = data;
        this.evidence = new EvidenceStore(data.resolve("evidence"));
        this.api = new Api(this);
    }

    LedgerStore ledger() {
        return ledger;
    }

    Users users() {
        return users;
    }

    Sessions sessions() {
        return sessions;
    }

    RulePack pack() {
        return pack;
    }

    Path data() {
        return data;
    }

    EvidenceStore evidence() {
        return evidence;
    }

    /** Starts serving on {@code host}:{@code port} (0 for any free port); returns the port. */
    public int start(String host, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/xuncha/static";
                s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.jetty.multipartConfig.cacheDirectory(data.resolve("incoming").toString());
            config.jetty.multipartConfig.maxFileSize(Uploads.MAX_FILE_BYTES >> 20, SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(200, SizeUnit.MB);
            config.http.maxRequestSize = 1_000_000L;
        });
        routes(app);
        try {
            Files.createDirectories(data.resolve("incoming"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        app.start(host, port);
        return app.port();
    }

    public void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private void routes(Javalin app) {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "form-action 'self'; frame-ancestors 'none'");
        });
        app.beforeMatched(this::guard);
        get(app, "/login", this::loginPage, Access.PUBLIC);
        post(app, "/login", this::login, Access.PUBLIC);
        post(app, "/logout", this::logout, Access.ADMIN, Access.INSPECTOR, Access.CLERK);
        get(app, "/", this::home, Access.ADMIN, Access.INSPECTOR, Access.CLERK);
        get(app, "/audit", ctx -> auditPage(ctx, null), Access.ADMIN, Access.INSPECTOR, Access.CLERK);
        post(app, "/audit", this::audit, Access.ADMIN, Access.INSPECTOR, Access.CLERK);
        get(app, "/units", this::units, Access.ADMIN, Access.INSPECTOR, Access.CLERK);
        get(app, "/units/{unit}", this::unit, Access.ADMIN, Access.INSPECTOR, Access.CLERK);
        get(app, "/claims/{fp}", ctx -> claimPage(ctx, null), Access.CLERK);
        post(app, "/claims/{fp}", this::claim, Access.CLERK);
        get(app, "/reviews", this::reviews, Access.INSPECTOR);
        post(app, "/reviews/{fp}", this::review, Access.INSPECTOR);
        get(app, "/rounds", ctx -> roundsPage(ctx, null), Access.ADMIN, Access.INSPECTOR);
        post(app, "/rounds", this::round, Access.INSPECTOR);
        get(app, "/rounds/{seq}", this::roundPage, Access.ADMIN, Access.INSPECTOR);
        get(app, "/rounds/{seq}/{file}", this::roundFile, Access.ADMIN, Access.INSPECTOR);
        get(app, "/users", ctx -> usersPage(ctx, null), Access.ADMIN);
        get(app, "/pack", ctx -> render(ctx, "pack.jte", view(ctx, "web.title.pack", "pack"), Map.of("pack", pack)),
                Access.ADMIN);
        post(app, "/users", this::addUser, Access.ADMIN);
        get(app, "/evidence/{sha}", this::evidenceFile, Access.ADMIN, Access.INSPECTOR, Access.CLERK);
        api.routes(app);
        app.exception(Forbidden.class, (e, ctx) -> fail(ctx, HttpStatus.FORBIDDEN, "web.error.forbidden"));
        app.exception(NotFound.class, (e, ctx) -> fail(ctx, HttpStatus.NOT_FOUND, "web.error.not_found"));
        app.exception(io.javalin.http.BadRequestResponse.class, (e, ctx) -> fail(ctx, HttpStatus.BAD_REQUEST,
                "web.error.bad_request"));
        app.exception(io.javalin.http.ContentTooLargeResponse.class, (e, ctx) -> fail(ctx, HttpStatus.CONTENT_TOO_LARGE,
                "web.error.too_large"));
        app.exception(Exception.class, (e, ctx) -> {
            if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("multipart")) {
                fail(ctx, HttpStatus.CONTENT_TOO_LARGE, "web.error.too_large");
                return;
            }
            System.err.println(Messages.text("zh", "serve.failed", ctx.method() + " " + ctx.path(), String.valueOf(e)));
            fail(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "web.error.internal");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                fail(ctx, HttpStatus.NOT_FOUND, "web.error.not_found");
            }
        });
    }

    private final List<String> routes = new ArrayList<>();

    /** Every route the workspace serves, as {@code METHOD path}: what the authorization tests go through. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    void get(Javalin app, String path, io.javalin.http.Handler handler, Access... roles) {
        routes.add("GET " + path);
        app.get(path, handler, roles);
    }

    void post(Javalin app, String path, io.javalin.http.Handler handler, Access... roles) {
        routes.add("POST " + path);
        app.post(path, handler, roles);
    }

    /** Refused: the user may not do this, whoever they are. */
    static final class Forbidden extends RuntimeException {
        Forbidden() {
            super("forbidden", null, false, false);
        }
    }

    /** Nothing such. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }

    /**
     * Every matched route passes here first: who is asking (the session cookie, or a bearer token for
     * the API), whether the route admits their role, and for a change made with a cookie, its CSRF token.
     */
    private void guard(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Optional<Sessions.Session> session = session(ctx);
        Optional<Users.User> user = session.flatMap(s -> users.find(s.user()))
                .filter(u -> u.role() != Users.Role.DISABLED);
        user.ifPresent(u -> ctx.attribute(USER, u));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        if (roles.contains(Access.PUBLIC) || roles.isEmpty() && ctx.path().startsWith("/static/")) {
            return;
        }
        if (roles.isEmpty()) {
            // A route that says nobody may use it is closed to everybody.
            throw new Forbidden();
        }
        if (user.isEmpty()) {
            if (api(ctx)) {
                fail(ctx, HttpStatus.UNAUTHORIZED, "web.error.sign_in");
                ctx.skipRemainingHandlers();
            } else {
                ctx.redirect("/login");
                ctx.skipRemainingHandlers();
            }
            return;
        }
        Access mine = Access.valueOf(user.get().role().name());
        if (!roles.contains(mine)) {
            throw new Forbidden();
        }
        boolean bearer = ctx.header("Authorization") != null;
        if (!bearer && !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
            String sent = ctx.isMultipart() ? multipartField(ctx, "csrf") : ctx.formParam("csrf");
            if (sent == null) {
                sent = ctx.header("X-CSRF-Token");
            }
            if (sent == null || !java.security.MessageDigest.isEqual(sent.getBytes(), session.get().csrf().getBytes())) {
                throw new Forbidden();
            }
        }
    }

    private static String multipartField(Context ctx, String name) {
        List<String> values = ctx.formParamMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private Optional<Sessions.Session> session(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return sessions.find(auth.substring(7).strip());
        }
        return sessions.find(ctx.cookie(COOKIE));
    }

    static boolean api(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    static Users.User user(Context ctx) {
        return ctx.attribute(USER);
    }

    private static String csrf(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        return s == null ? "" : s.csrf();
    }

    /** A refusal, as a page or as the API's JSON. */
    void fail(Context ctx, HttpStatus status, String key, Object... args) {
        ctx.status(status);
        if (api(ctx)) {
            ctx.json(Map.of("error", Map.of("status", status.getCode(), "message", Messages.text("zh", key, args))));
            return;
        }
        render(ctx, "error.jte", new View(Messages.text("zh", "web.error.title." + status.getCode()), user(ctx), csrf(ctx), ""),
                Map.of("message", Messages.text("zh", key, args)));
    }

    private void render(Context ctx, String template, View v, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("v", v);
        StringOutput out = new StringOutput();
        templates.render(template, all, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    private View view(Context ctx, String titleKey, String active, Object... args) {
        return new View(Messages.text("zh", titleKey, args), user(ctx), csrf(ctx), active);
    }

    // Signing in and out.

    private void loginPage(Context ctx) {
        // A page loaded twice (a reload, a second tab) keeps the token its cookie already holds.
        String held = ctx.cookie(PRE_COOKIE);
        String pre = Sessions.wellFormed(held) ? held : Sessions.token();
        ctx.cookie(cookie(PRE_COOKIE, pre, 600));
        Map<String, Object> p = new HashMap<>();
        p.put("error", null);
        render(ctx, "login.jte", new View(Messages.text("zh", "web.login.title"), null, pre, ""), p);
    }

    private void login(Context ctx) {
        String pre = ctx.cookie(PRE_COOKIE);
        String sent = ctx.formParam("csrf");
        if (pre == null || sent == null || !java.security.MessageDigest.isEqual(pre.getBytes(), sent.getBytes())) {
            throw new Forbidden();
        }
        String name = String.valueOf(ctx.formParam("name")).strip();
        char[] password = String.valueOf(ctx.formParam("password")).toCharArray();
        Optional<String> refused = signIn(name, password, ctx.ip());
        if (refused.isPresent()) {
            ctx.status(refused.get().equals("web.login.limited") ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED);
            String again = Sessions.token();
            ctx.cookie(cookie(PRE_COOKIE, again, 600));
            Map<String, Object> p = new HashMap<>();
            p.put("error", Messages.text("zh", refused.get(), Sessions.WINDOW.toMinutes()));
            render(ctx, "login.jte", new View(Messages.text("zh", "web.login.title"), null, again, ""), p);
            return;
        }
        Sessions.Session s = sessions.start(name);
        ctx.cookie(cookie(COOKIE, s.token(), -1));
        ctx.removeCookie(PRE_COOKIE);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** Checks a sign-in; the key of why it is refused, if it is. Said the same for a wrong name as a wrong password. */
    Optional<String> signIn(String name, char[] password, String address) {
        try {
            if (sessions.limited(name, address)) {
                return Optional.of("web.login.limited");
            }
            Optional<Users.User> u = users.find(name).filter(x -> x.role() != Users.Role.DISABLED);
            if (u.isEmpty() || !Passwords.matches(password, u.get().passwordHash())) {
                sessions.failed(name, address);
                return Optional.of("web.login.wrong");
            }
            sessions.succeeded(name);
            users.audit(name, "login", address);
            return Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void logout(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        sessions.end(s == null ? null : s.token());
        ctx.removeCookie(COOKIE);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    static Cookie cookie(String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, false, 0, true, null, null, SameSite.STRICT);
    }

    // The office's pages.

    private void home(Context ctx) {
        if (user(ctx).role() == Users.Role.CLERK) {
            ctx.redirect("/units");
            return;
        }
        LedgerView view = ledger.view();
        render(ctx, "dashboard.jte", view(ctx, "web.title.dashboard", "dashboard"), Map.of("d", Dashboards.of(view)));
    }

    private void roundsPage(Context ctx, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("rounds", ledger.rounds());
        p.put("error", error);
        render(ctx, "rounds.jte", view(ctx, "web.title.rounds", "rounds"), p);
    }

    private void round(Context ctx) throws IOException {
        String name = String.valueOf(ctx.formParam("name")).strip();
        try {
            Report report = recordRound(name, user(ctx).name(), uploads(ctx.uploadedFiles("files")));
            users.audit(user(ctx).name(), "round.recorded", name, String.valueOf(report.findings().size()));
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        } catch (InputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            roundsPage(ctx, String.join("\n", e.problems().stream().map(d -> d.render("zh")).toList()));
        } catch (Uploads.Refused e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            roundsPage(ctx, Messages.text("zh", e.key, e.args));
        }
    }

    /** A round checked from uploaded files and recorded; the problems in them name the files as uploaded. */
    Report recordRound(String name, String by, List<Uploads.Upload> files) throws IOException {
        Report report;
        try (Uploads up = Uploads.store(data.resolve("uploads"), files)) {
            try {
                report = ledger.recordRound(name, new LedgerStore.Author(by, Instant.now()), prior -> Check.run(
                        CheckRequest.of(new CheckRequest.Rules.Compiled(pack), CheckRequest.files(up.paths())).jobs(1)
                                .priorRound(prior::apply), CheckListener.NONE).report());
            } catch (InputException e) {
                throw new InputException(e.problems().stream().map(up::shown).toList());
            }
        }
        Optional<LedgerView.Round> recorded = ledger.rounds().stream().filter(r -> r.name().equals(name)).findFirst();
        if (recorded.isPresent()) {
            RoundFiles.write(data.resolve("rounds").resolve(String.valueOf(recorded.get().seq())), report);
        }
        return report;
    }

    private LedgerView.Round roundOf(Context ctx) {
        String seq = ctx.pathParam("seq");
        return ledger.rounds().stream().filter(r -> String.valueOf(r.seq()).equals(seq)).findFirst()
                .orElseThrow(NotFound::new);
    }

    private void roundPage(Context ctx) {
        LedgerView.Round round = roundOf(ctx);
        String level = Optional.ofNullable(ctx.queryParam("level")).orElse("");
        String state = Optional.ofNullable(ctx.queryParam("state")).orElse("");
        String county = Optional.ofNullable(ctx.queryParam("county")).orElse("");
        List<LedgerStore.RoundFinding> all = ledger.findings(round.seq());
        List<LedgerStore.RoundFinding> shown = all.stream().filter(f -> level.isEmpty() || f.level().equals(level))
                .filter(f -> state.isEmpty() || f.state().equals(state))
                .filter(f -> county.isEmpty() || f.county().equals(county)).toList();
        List<Pages.Option> levels = List.of("violation", "warning").stream().map(l -> new Pages.Option(l,
                Messages.text("zh", "web.level." + l), l.equals(level))).toList();
        List<Pages.Option> states = List.of("new", "persisting", "regressed").stream().map(x -> new Pages.Option(x,
                Messages.text("zh", "web.round.state." + x), x.equals(state))).toList();
        List<Pages.Option> counties = all.stream().map(LedgerStore.RoundFinding::county).distinct().sorted()
                .map(c -> new Pages.Option(c, c.isEmpty() ? "—" : c, c.equals(county))).toList();
        Path folder = data.resolve("rounds").resolve(String.valueOf(round.seq()));
        List<Pages.Download> downloads = RoundFiles.NAMES.stream().filter(f -> Files.isRegularFile(folder.resolve(f)))
                .map(f -> new Pages.Download("/rounds/" + round.seq() + "/" + f, Messages.text("zh", "web.round.file." + f)))
                .toList();
        render(ctx, "round.jte", view(ctx, "web.title.round", "rounds", round.name()),
                Map.of("r", new Pages.RoundPage(round, shown, downloads, levels, states, counties)));
    }

    private void roundFile(Context ctx) throws IOException {
        LedgerView.Round round = roundOf(ctx);
        String file = ctx.pathParam("file");
        if (!RoundFiles.NAMES.contains(file)) {
            throw new NotFound();
        }
        Path path = data.resolve("rounds").resolve(String.valueOf(round.seq())).resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new NotFound();
        }
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(round.name() + "-"
                + file, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.contentType(RoundFiles.type(file)).result(Files.newInputStream(path));
    }

    static List<Uploads.Upload> uploads(List<UploadedFile> files) {
        return files.stream().map(f -> new Uploads.Upload(f.filename(), f.content())).toList();
    }

    private void reviews(Context ctx) {
        render(ctx, "reviews.jte", view(ctx, "web.title.reviews", "reviews"), Map.of("pending", pending(ledger.view())));
    }

    static List<LedgerView.Problem> pending(LedgerView view) {
        return view.problems().stream().filter(p -> p.claim().isPresent() && p.review().isEmpty()).toList();
    }

    private void review(Context ctx) {
        String fp = ctx.pathParam("fp");
        String verdict = String.valueOf(ctx.formParam("verdict"));
        if (!verdict.equals("accept") && !verdict.equals("return")) {
            throw new io.javalin.http.BadRequestResponse();
        }
        try {
            ledger.review(fp, verdict.equals("accept"), user(ctx).name(), LocalDate.now(),
                    String.valueOf(Optional.ofNullable(ctx.formParam("note")).orElse("")).strip(), Instant.now());
            users.audit(user(ctx).name(), "review." + verdict, fp);
            ctx.redirect("/reviews", HttpStatus.SEE_OTHER);
        } catch (InputException e) {
            fail(ctx, HttpStatus.CONFLICT, "web.error.plain", e.problems().get(0).message("zh"));
        }
    }

    // The units' pages: a clerk sees only its own.

    private void units(Context ctx) {
        Users.User u = user(ctx);
        LedgerView view = ledger.view();
        List<LedgerView.Tally> tallies = new ArrayList<>(view.byUnit());
        if (u.role() == Users.Role.CLERK) {
            tallies.removeIf(t -> !u.bound(t.key()));
            for (String unit : u.units()) {
                if (tallies.stream().noneMatch(t -> t.key().equals(unit))) {
                    tallies.add(LedgerView.tally(unit, unit, List.of()));
                }
            }
        }
        render(ctx, "units.jte", view(ctx, "web.title.units", "units"), Map.of("units", tallies));
    }

    /** The ledger of one unit, for one who may see it. */
    LedgerView unitLedger(Users.User u, String unit) {
        if (u.role() == Users.Role.CLERK && !u.bound(unit)) {
            throw new Forbidden();
        }
        return ledger.view().of(Set.of(unit));
    }

    private void unit(Context ctx) {
        String unit = ctx.pathParam("unit");
        LedgerView view = unitLedger(user(ctx), unit);
        String name = view.problems().isEmpty() ? unit : view.problems().get(0).unitName();
        render(ctx, "unit.jte", view(ctx, "web.title.unit", "units", name), Map.of("ledger", view, "unit", unit));
    }

    /** The problem {@code fp}, for a clerk bound to its unit; others are refused as if it were not there. */
    LedgerView.Problem ownProblem(Users.User u, String fp) {
        LedgerView.Problem p = ledger.problem(fp).orElseThrow(NotFound::new);
        if (u.role() == Users.Role.CLERK && !u.bound(p.unit())) {
            throw new Forbidden();
        }
        return p;
    }

    private void claimPage(Context ctx, String error) {
        LedgerView.Problem p = ownProblem(user(ctx), ctx.pathParam("fp"));
        Map<String, Object> m = new HashMap<>();
        m.put("p", p);
        m.put("error", error);
        render(ctx, "claim.jte", view(ctx, "web.title.claim", "units"), m);
    }

    private void claim(Context ctx) throws IOException {
        Users.User u = user(ctx);
        LedgerView.Problem p = ownProblem(u, ctx.pathParam("fp"));
        String measures = String.valueOf(Optional.ofNullable(ctx.formParam("measures")).orElse("")).strip();
        String responsible = String.valueOf(Optional.ofNullable(ctx.formParam("responsible")).orElse("")).strip();
        String done = String.valueOf(Optional.ofNullable(ctx.formParam("done_on")).orElse("")).strip();
        Optional<LocalDate> doneOn = done.isEmpty() ? Optional.empty() : xuncha.yaml.Dates.parse(done);
        if (measures.isEmpty() || responsible.isEmpty() || !done.isEmpty() && doneOn.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            claimPage(ctx, Messages.text("zh", "web.claim.incomplete"));
            return;
        }
        List<EvidenceStore.Stored> stored = new ArrayList<>();
        try {
            for (UploadedFile f : ctx.uploadedFiles("evidence")) {
                if (f.filename() == null || f.filename().isBlank()) {
                    continue;
                }
                try (InputStream in = f.content()) {
                    stored.add(evidence.store(Uploads.baseName(f.filename()), in, Location.ofFile(f.filename())));
                }
            }
            claim(u, p, measures, responsible, doneOn,
                    String.valueOf(Optional.ofNullable(ctx.formParam("status")).orElse("")).strip(), stored);
        } catch (InputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            claimPage(ctx, e.problems().get(0).message("zh"));
            return;
        } catch (Uploads.Refused e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            claimPage(ctx, Messages.text("zh", e.key, e.args));
            return;
        }
        ctx.redirect("/units/" + p.unit(), HttpStatus.SEE_OTHER);
    }

    /** Records a clerk's claim; refused when the problem is accepted already. */
    LedgerStore.Outcome claim(Users.User u, LedgerView.Problem p, String measures, String responsible,
                              Optional<LocalDate> doneOn, String status, List<EvidenceStore.Stored> stored) {
        LedgerStore.ClaimOutcome o = ledger.claim(List.of(new LedgerStore.ClaimInput(p.fingerprint(), measures,
                responsible, doneOn, status, Location.ofFile("workspace"), stored)),
                new LedgerStore.Author(u.name(), Instant.now())).get(0);
        if (o.outcome() == LedgerStore.Outcome.ACCEPTED) {
            throw new InputException(List.of(Diagnostic.of(Location.ofFile("workspace"), "usage.ledger_accepted",
                    p.fingerprint())));
        }
        users.audit(u.name(), "claim", p.fingerprint(), String.valueOf(stored.size()));
        return o.outcome();
    }

    private void evidenceFile(Context ctx) throws IOException {
        String sha = ctx.pathParam("sha");
        Users.User u = user(ctx);
        boolean allowed = ledger.view().problems().stream()
                .filter(p -> u.role() != Users.Role.CLERK || u.bound(p.unit()))
                .anyMatch(p -> p.claim().map(c -> c.evidence().stream().anyMatch(f -> f.sha256().equals(sha)))
                        .orElse(false));
        if (!allowed) {
            throw new NotFound();
        }
        Path file = evidence.path(sha);
        if (!Files.isRegularFile(file)) {
            throw new NotFound();
        }
        ctx.header("Content-Disposition", "attachment");
        ctx.contentType("application/octet-stream").result(Files.newInputStream(file));
    }

    // A self-audit: nothing recorded.

    private void auditPage(Context ctx, Pages.Audit result) {
        Map<String, Object> p = new HashMap<>();
        p.put("result", result);
        render(ctx, "audit.jte", view(ctx, "web.title.audit", "audit"), p);
    }

    private void audit(Context ctx) throws IOException {
        try {
            auditPage(ctx, selfAudit(uploads(ctx.uploadedFiles("files"))));
        } catch (Uploads.Refused e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            auditPage(ctx, new Pages.Audit(List.of(), 0, List.of(new Pages.Mistake("", Messages.text("zh", e.key, e.args), ""))));
        }
    }

    /** The files checked with the pack compiled at start; the findings, or every located mistake with its line. */
    Pages.Audit selfAudit(List<Uploads.Upload> files) throws IOException {
        try (Uploads up = Uploads.store(data.resolve("uploads"), files)) {
            try {
                Report r = Check.run(CheckRequest.of(new CheckRequest.Rules.Compiled(pack), CheckRequest.files(up.paths()))
                        .jobs(1), CheckListener.NONE).report();
                List<Pages.Found> found = r.findings().stream().map(e -> new Pages.Found(e.unitName(), e.rule(),
                        e.level().yaml(), e.level().label("zh"), e.message(),
                        e.tracking().deadline().map(Object::toString).orElse(""))).toList();
                return new Pages.Audit(found, r.units(), List.of());
            } catch (InputException e) {
                List<Pages.Mistake> mistakes = new ArrayList<>();
                for (Diagnostic d : e.problems()) {
                    Diagnostic shown = up.shown(d);
                    String line = up.line(shown);
                    String caret = Uploads.caret(line, shown.at().column());
                    mistakes.add(new Pages.Mistake(shown.at().toString(), shown.message("zh"),
                            caret.isEmpty() ? line : line + "\n" + caret));
                }
                return new Pages.Audit(List.of(), 0, mistakes);
            }
        }
    }

    // Users (admin only).

    private void usersPage(Context ctx, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("users", users.all());
        p.put("audit", users.auditLog(200));
        p.put("error", error);
        render(ctx, "users.jte", view(ctx, "web.title.users", "users"), p);
    }

    private void addUser(Context ctx) {
        String name = String.valueOf(Optional.ofNullable(ctx.formParam("name")).orElse("")).strip();
        Optional<Users.Role> role = Users.Role.of(String.valueOf(ctx.formParam("role")));
        Set<String> units = new LinkedHashSet<>();
        for (String u : String.valueOf(Optional.ofNullable(ctx.formParam("units")).orElse("")).split("[,，、\\s]+")) {
            if (!u.isBlank()) {
                units.add(u.strip());
            }
        }
        char[] password = String.valueOf(Optional.ofNullable(ctx.formParam("password")).orElse("")).toCharArray();
        String error = name.isEmpty() || name.length() > 100 ? "web.users.bad_name"
                : role.isEmpty() ? "web.users.bad_role"
                : role.get() == Users.Role.CLERK && units.isEmpty() ? "usage.user_units"
                : password.length < Passwords.MIN_LENGTH ? "usage.user_password" : null;
        if (error != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            usersPage(ctx, Messages.text("zh", error, Passwords.MIN_LENGTH));
            return;
        }
        boolean known = users.find(name).isPresent();
        users.put(name, role.get(), role.get() == Users.Role.CLERK ? units : Set.of(), Passwords.hash(password),
                user(ctx).name(), known ? "user.changed" : "user.added");
        Arrays.fill(password, '\0');
        sessions.endAll(name);
        ctx.redirect("/users", HttpStatus.SEE_OTHER);
    }

    /** The dashboard's figures, from the ledger. */
    static final class Dashboards {
        private Dashboards() {
        }

        static Pages.Dashboard of(LedgerView view) {
            List<Pages.Place> places = new ArrayList<>();
            Map<String, Map<String, List<LedgerView.Problem>>> tree = new LinkedHashMap<>();
            for (LedgerView.Problem p : view.problems()) {
                tree.computeIfAbsent(p.county(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(p.township(), k -> new ArrayList<>()).add(p);
            }
            tree.forEach((county, townships) -> {
                List<LedgerView.Problem> all = new ArrayList<>();
                townships.values().forEach(all::addAll);
                places.add(new Pages.Place(county.isEmpty() ? "—" : county, "", 0, LedgerView.tally(county, county, all)));
                townships.forEach((township, list) -> {
                    if (!township.isEmpty()) {
                        places.add(new Pages.Place(township, "", 1, LedgerView.tally(township, township, list)));
                    }
                    LedgerView group = new LedgerView(view.shown(), view.rounds(), list);
                    group.byUnit().forEach(t -> places.add(new Pages.Place(t.name(), "/units/" + t.key(),
                            township.isEmpty() ? 1 : 2, t)));
                });
            });
            List<LedgerView.Problem> overdue = view.problems().stream().filter(LedgerView.Problem::overdue).toList();
            List<Pages.Place> levels = new ArrayList<>();
            for (xuncha.findings.Level level : xuncha.findings.Level.values()) {
                List<LedgerView.Problem> at = view.problems().stream().filter(p -> p.level() == level).toList();
                levels.add(new Pages.Place(Messages.text("zh", "web.level." + level.yaml()), "", 0,
                        LedgerView.tally(level.yaml(), level.yaml(), at)));
            }
            return new Pages.Dashboard(view.total(), places, overdue, pending(view).size(), Trend.svg(view.rounds()),
                    List.of(LedgerView.State.values()), levels);
        }
    }
}
