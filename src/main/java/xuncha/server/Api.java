package xuncha.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import xuncha.ledger.LedgerJson;
import xuncha.ledger.LedgerView;
import xuncha.problems.Diagnostic;
import xuncha.problems.InputException;
import xuncha.problems.Messages;
import xuncha.render.Renderers;
import xuncha.report.Report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's operations as JSON under {@code /api}, for other systems: the same checks of who
 * may do what as the pages, bearer tokens instead of cookies (so no CSRF token), and errors as JSON
 * with the located messages the command line prints.
 */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BODY = 64 * 1024;

    private final Workspace w;

    Api(Workspace w) {
        this.w = w;
    }

    void routes(Javalin app) {
        w.post(app, "/api/login", this::login, Workspace.Access.PUBLIC);
        w.get(app, "/api/openapi.json", this::openapi, Workspace.Access.PUBLIC);
        w.get(app, "/api/rounds", this::rounds, Workspace.Access.ADMIN, Workspace.Access.INSPECTOR);
        w.post(app, "/api/rounds", this::round, Workspace.Access.INSPECTOR);
        w.get(app, "/api/ledger", this::ledger, Workspace.Access.ADMIN, Workspace.Access.INSPECTOR, Workspace.Access.CLERK);
        w.post(app, "/api/ledger/{fp}/claim", this::claim, Workspace.Access.CLERK);
        w.post(app, "/api/ledger/{fp}/review", this::review, Workspace.Access.INSPECTOR);
        app.exception(InputException.class, (e, ctx) -> problems(ctx, e.problems()));
        app.exception(BadJson.class, (e, ctx) -> w.fail(ctx, HttpStatus.BAD_REQUEST, e.key, e.args));
    }

    /** A request body that is not what the route takes. */
    static final class BadJson extends RuntimeException {
        final String key;
        final transient Object[] args;

        BadJson(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    private static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) {
            throw new BadJson("web.api.too_large", MAX_BODY / 1024);
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new BadJson("web.api.not_object");
            }
            return n;
        } catch (IOException e) {
            throw new BadJson("web.api.not_json");
        }
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadJson("web.api.missing", field);
            }
            return "";
        }
        if (!n.isTextual()) {
            throw new BadJson("web.api.not_text", field);
        }
        return n.asText().strip();
    }

    private void login(Context ctx) {
        JsonNode b = body(ctx);
        String name = text(b, "name", true);
        Optional<String> refused = w.signIn(name, text(b, "password", true).toCharArray(), ctx.ip());
        if (refused.isPresent()) {
            w.fail(ctx, refused.get().equals("web.login.limited") ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED,
                    refused.get(), Sessions.WINDOW.toMinutes());
            return;
        }
        Sessions.Session s = w.sessions().start(name);
        Users.User u = w.users().find(name).orElseThrow();
        ctx.json(Map.of("token", s.token(), "user", u.name(), "role", u.role().key(), "units", u.units()));
    }

    private void rounds(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LedgerView.Round r : w.ledger().rounds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("as_of", r.asOf().toString());
            m.put("findings", r.findings());
            m.put("recorded_by", r.recordedBy());
            m.put("recorded_at", r.recordedAt());
            out.add(m);
        }
        ctx.json(Map.of("rounds", out));
    }

    private void round(Context ctx) throws IOException {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        if (name.isEmpty()) {
            throw new BadJson("web.api.missing", "name");
        }
        try {
            Report report = w.recordRound(name, Workspace.user(ctx).name(), Workspace.uploads(ctx.uploadedFiles("files")));
            w.users().audit(Workspace.user(ctx).name(), "round.recorded", name, String.valueOf(report.findings().size()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Renderers.byName("json").orElseThrow().render(report, out);
            ctx.status(HttpStatus.CREATED).contentType("application/json").result(out.toByteArray());
        } catch (Uploads.Refused e) {
            w.fail(ctx, HttpStatus.BAD_REQUEST, e.key, e.args);
        }
    }

    private void ledger(Context ctx) throws IOException {
        Users.User u = Workspace.user(ctx);
        String unit = ctx.queryParam("unit");
        LedgerView view;
        if (unit != null) {
            view = w.unitLedger(u, unit);
        } else {
            view = u.role() == Users.Role.CLERK ? w.ledger().view().of(u.units()) : w.ledger().view();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerJson.write(view, out);
        ctx.contentType("application/json").result(out.toByteArray());
    }

    private void claim(Context ctx) throws IOException {
        Users.User u = Workspace.user(ctx);
        LedgerView.Problem p = w.ownProblem(u, ctx.pathParam("fp"));
        if (ctx.isMultipart()) {
            claimWithEvidence(ctx, u, p);
            return;
        }
        JsonNode b = body(ctx);
        String done = text(b, "done_on", false);
        Optional<LocalDate> doneOn = done.isEmpty() ? Optional.empty() : xuncha.yaml.Dates.parse(done);
        if (!done.isEmpty() && doneOn.isEmpty()) {
            throw new BadJson("web.api.date", "done_on", done);
        }
        String measures = text(b, "measures", true);
        String responsible = text(b, "responsible", true);
        if (measures.isEmpty() || responsible.isEmpty()) {
            throw new BadJson("web.claim.incomplete");
        }
        var outcome = w.claim(u, p, measures, responsible, doneOn, text(b, "status", false), List.of());
        ctx.status(HttpStatus.CREATED).json(Map.of("fingerprint", p.fingerprint(), "outcome",
                outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** A claim sent as multipart/form-data: the same fields, and evidence files under {@code evidence}. */
    private void claimWithEvidence(Context ctx, Users.User u, LedgerView.Problem p) throws IOException {
        String measures = Optional.ofNullable(ctx.formParam("measures")).orElse("").strip();
        String responsible = Optional.ofNullable(ctx.formParam("responsible")).orElse("").strip();
        String done = Optional.ofNullable(ctx.formParam("done_on")).orElse("").strip();
        Optional<LocalDate> doneOn = done.isEmpty() ? Optional.empty() : xuncha.yaml.Dates.parse(done);
        if (!done.isEmpty() && doneOn.isEmpty()) {
            throw new BadJson("web.api.date", "done_on", done);
        }
        if (measures.isEmpty() || responsible.isEmpty()) {
            throw new BadJson("web.claim.incomplete");
        }
        List<xuncha.ledger.EvidenceStore.Stored> stored = new ArrayList<>();
        try {
            for (io.javalin.http.UploadedFile f : ctx.uploadedFiles("evidence")) {
                try (InputStream in = f.content()) {
                    stored.add(w.evidence().store(Uploads.baseName(f.filename()), in,
                            xuncha.facts.Location.ofFile(String.valueOf(f.filename()))));
                }
            }
        } catch (Uploads.Refused e) {
            throw new BadJson(e.key, e.args);
        }
        var outcome = w.claim(u, p, measures, responsible, doneOn,
                Optional.ofNullable(ctx.formParam("status")).orElse("").strip(), stored);
        ctx.status(HttpStatus.CREATED).json(Map.of("fingerprint", p.fingerprint(), "outcome",
                outcome.name().toLowerCase(java.util.Locale.ROOT), "evidence", stored.stream()
                        .map(f -> Map.of("name", f.name(), "sha256", f.sha256(), "bytes", f.bytes())).toList()));
    }

    private void review(Context ctx) {
        JsonNode b = body(ctx);
        String verdict = text(b, "verdict", true);
        if (!verdict.equals("accept") && !verdict.equals("return")) {
            throw new BadJson("web.api.verdict", verdict);
        }
        String fp = ctx.pathParam("fp");
        if (w.ledger().problem(fp).isEmpty()) {
            throw new Workspace.NotFound();
        }
        try {
            LedgerView.Problem p = w.ledger().review(fp, verdict.equals("accept"), Workspace.user(ctx).name(),
                    LocalDate.now(), text(b, "note", false), Instant.now());
            w.users().audit(Workspace.user(ctx).name(), "review." + verdict, fp);
            ctx.json(Map.of("fingerprint", fp, "state", p.state().json()));
        } catch (InputException e) {
            ctx.status(HttpStatus.CONFLICT);
            problems(ctx, e.problems());
        }
    }

    /** Located problems as JSON: each with its file, line, column or cell, and the message in Chinese. */
    private static void problems(Context ctx, List<Diagnostic> problems) {
        if (ctx.status() == HttpStatus.OK) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Diagnostic d : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", d.at().toString());
            m.put("file", d.at().file());
            m.put("line", d.at().line());
            m.put("column", d.at().column());
            if (!d.at().sheet().isEmpty()) {
                m.put("sheet", d.at().sheet());
            }
            m.put("message", d.message("zh"));
            out.add(m);
        }
        ctx.json(Map.of("error", Map.of("status", ctx.status().getCode(), "message",
                Messages.text("zh", "web.api.problems", problems.size()), "problems", out)));
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = Api.class.getResourceAsStream("/xuncha/openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }
}
