package xuncha.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, enforced on the server: every route the workspace serves, asked by nobody, an
 * admin, an inspector, a clerk of the unit and a clerk of another unit, gets the status the roles
 * say. A route added without a line here fails {@link #everyRouteIsInTheTable}.
 */
class AuthorizationTest {
    private static final List<String> WHO = List.of("anonymous", "admin", "inspector", "clerk", "other");

    @TempDir
    static Path dir;
    static Served served;
    static String fp;
    static String sha;

    @BeforeAll
    static void start() throws Exception {
        served = new Served(dir, dir.resolve("x.db").toString());
        fp = served.problemAt(Served.SCHOOL);
        // A claim with an evidence file, so that the evidence route has something to give.
        var store = served.workspace.evidence();
        var stored = store.store("会议记录.pdf", new java.io.ByteArrayInputStream("%PDF-1.4".getBytes()),
                xuncha.facts.Location.ofFile("test"));
        sha = stored.sha256();
        served.ledger.claim(List.of(new xuncha.ledger.LedgerStore.ClaimInput(fp, "建立少工委", "李敏",
                java.util.Optional.empty(), "", xuncha.facts.Location.ofFile("test"), List.of(stored))),
                new xuncha.ledger.LedgerStore.Author("二中填报员", java.time.Instant.now()));
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    /** A route, how it is asked, and the status each of {@link #WHO} gets. */
    private record Case(String route, String method, String path, String type, String body, int... expected) {
    }

    private static List<Case> table() {
        String unit = Served.SCHOOL;
        String form = "application/x-www-form-urlencoded";
        String json = "application/json";
        String multi = "multipart";
        List<Case> t = new ArrayList<>();
        //                                                                           anon admin insp clerk other
        t.add(new Case("GET /login", "GET", "/login", null, null, 200, 200, 200, 200, 200));
        t.add(new Case("POST /login", "POST", "/login", form, "name=x&password=y", 403, 403, 403, 403, 403));
        t.add(new Case("POST /logout", "POST", "/logout", form, "", 302, -1, -1, -1, -1));
        t.add(new Case("GET /", "GET", "/", null, null, 302, 200, 200, 302, 302));
        t.add(new Case("GET /audit", "GET", "/audit", null, null, 302, 200, 200, 200, 200));
        t.add(new Case("POST /audit", "POST", "/audit", multi, "", 302, 400, 400, 400, 400));
        t.add(new Case("GET /units", "GET", "/units", null, null, 302, 200, 200, 200, 200));
        t.add(new Case("GET /units/{unit}", "GET", "/units/" + unit, null, null, 302, 200, 200, 200, 403));
        t.add(new Case("GET /claims/{fp}", "GET", "/claims/" + fp, null, null, 302, 403, 403, 200, 403));
        t.add(new Case("POST /claims/{fp}", "POST", "/claims/" + fp, multi, "", 302, 403, 403, 400, 403));
        t.add(new Case("GET /reviews", "GET", "/reviews", null, null, 302, 403, 200, 403, 403));
        t.add(new Case("POST /reviews/{fp}", "POST", "/reviews/" + fp, form, "verdict=maybe", 302, 403, 400, 403, 403));
        t.add(new Case("GET /rounds", "GET", "/rounds", null, null, 302, 200, 200, 403, 403));
        t.add(new Case("POST /rounds", "POST", "/rounds", multi, "", 302, 403, 400, 403, 403));
        t.add(new Case("GET /rounds/{seq}", "GET", "/rounds/1", null, null, 302, 200, 200, 403, 403));
        // Round 1 was recorded without the workspace, so it has no files to give: 404 to those who may ask.
        t.add(new Case("GET /rounds/{seq}/{file}", "GET", "/rounds/1/report.json", null, null, 302, 404, 404, 403, 403));
        t.add(new Case("GET /users", "GET", "/users", null, null, 302, 200, 403, 403, 403));
        t.add(new Case("GET /pack", "GET", "/pack", null, null, 302, 200, 403, 403, 403));
        t.add(new Case("POST /users", "POST", "/users", form, "name=&role=clerk", 302, 400, 403, 403, 403));
        t.add(new Case("GET /evidence/{sha}", "GET", "/evidence/" + sha, null, null, 302, 200, 200, 200, 404));
        t.add(new Case("POST /api/login", "POST", "/api/login", json, "{}", 400, 400, 400, 400, 400));
        t.add(new Case("GET /api/openapi.json", "GET", "/api/openapi.json", null, null, 200, 200, 200, 200, 200));
        t.add(new Case("GET /api/rounds", "GET", "/api/rounds", null, null, 401, 200, 200, 403, 403));
        t.add(new Case("POST /api/rounds", "POST", "/api/rounds", multi, "", 401, 403, 400, 403, 403));
        t.add(new Case("GET /api/ledger", "GET", "/api/ledger?unit=" + unit, null, null, 401, 200, 200, 200, 403));
        t.add(new Case("POST /api/ledger/{fp}/claim", "POST", "/api/ledger/" + fp + "/claim", json, "{}", 401, 403, 403, 400, 403));
        t.add(new Case("POST /api/ledger/{fp}/review", "POST", "/api/ledger/" + fp + "/review", json, "{}", 401, 403, 400, 403, 403));
        return t;
    }

    @Test
    void everyRouteIsInTheTable() {
        assertThat(new TreeSet<>(table().stream().map(Case::route).toList()))
                .isEqualTo(new TreeSet<>(served.workspace.routes()));
    }

    @Test
    void everyRouteAnswersEveryRoleAsItsRolesSay() throws Exception {
        Map<String, Integer> wrong = new LinkedHashMap<>();
        for (Case c : table()) {
            for (int i = 0; i < WHO.size(); i++) {
                if (c.expected()[i] < 0) {
                    continue;
                }
                HttpRequest.Builder b = served.as(WHO.get(i), c.path());
                if (c.method().equals("POST")) {
                    if ("multipart".equals(c.type())) {
                        b.header("Content-Type", "multipart/form-data; boundary=xb").POST(Served.multipart("xb", Map.of(),
                                "files", Map.of()));
                    } else {
                        b.header("Content-Type", c.type()).POST(HttpRequest.BodyPublishers.ofString(c.body()));
                    }
                }
                HttpResponse<String> r = served.send(b);
                if (r.statusCode() != c.expected()[i]) {
                    wrong.put(c.route() + " as " + WHO.get(i) + " (expected " + c.expected()[i] + ")", r.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aClerkSeesOnlyItsOwnUnitsProblems() throws Exception {
        var mine = Served.json(served.send(served.as("clerk", "/api/ledger")));
        assertThat(mine.get("problems").findValuesAsText("unit")).isNotEmpty().containsOnly(Served.SCHOOL);
        var other = served.send(served.as("clerk", "/api/ledger?unit=" + Served.FINANCE));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(Served.json(other).get("error").get("message").asText()).contains("没有权限");
        String page = served.send(served.as("clerk", "/units")).body();
        assertThat(page).contains(Served.SCHOOL).doesNotContain(Served.FINANCE);
        String financeProblem = served.problemAt(Served.FINANCE);
        assertThat(served.send(served.as("clerk", "/claims/" + financeProblem)).statusCode()).isEqualTo(403);
        assertThat(served.send(served.as("clerk", "/claims/0000000000000000")).statusCode()).isEqualTo(404);
    }
}
