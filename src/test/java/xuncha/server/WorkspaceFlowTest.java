package xuncha.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's main flows as a browser makes them (cookies, forms, CSRF tokens), against SQLite
 * and PostgreSQL: an inspector records a round from uploaded files; a clerk sees only its unit and
 * claims a problem with an evidence file; the inspector accepts it and the dashboard's rate changes.
 */
class WorkspaceFlowTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    /** A browser: its own cookies, following no redirects. */
    private static final class Browser {
        final Served served;
        final HttpClient http;

        Browser(Served served) {
            this.served = served;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(served.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String path) throws Exception {
            Matcher m = CSRF.matcher(get(path).body());
            assertThat(m.find()).as("a CSRF token on " + path).isTrue();
            return m.group(1);
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(served.uri(path)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(String path, Map<String, String> fields, String field, Map<String, byte[]> files)
                throws Exception {
            return http.send(HttpRequest.newBuilder(served.uri(path)).header("Content-Type",
                    "multipart/form-data; boundary=b0undary").POST(Served.multipart("b0undary", fields, field, files)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void signIn(String who) throws Exception {
            String[] u = Served.USERS.get(who);
            HttpResponse<String> r = post("/login", Map.of("csrf", csrf("/login"), "name", u[0], "password", u[1]));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        }
    }

    static List<String> kinds() {
        return List.of("sqlite", "postgresql");
    }

    private String db(String kind) {
        return kind.equals("sqlite") ? dir.resolve("x.db").toString() : xuncha.ledger.PostgresHarness.newDatabase();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anInspectorAndAClerkWorkARoundThrough(String kind) throws Exception {
        try (Served served = new Served(dir, db(kind))) {
            Browser inspector = new Browser(served);
            inspector.signIn("inspector");
            String rateBefore = rate(inspector.get("/").body());
            assertThat(rateBefore).isEqualTo("0.00%");

            // A round from uploaded files.
            HttpResponse<String> round = inspector.upload("/rounds", Map.of("csrf", inspector.csrf("/rounds"), "name",
                    "2022年第二轮"), "files", Map.of("阳曲县.yaml", Served.sample()));
            assertThat(round.statusCode()).as(round.body()).isEqualTo(303);
            assertThat(inspector.get("/rounds").body()).contains("2022年第二轮");
            String page = inspector.get("/rounds/2").body();
            assertThat(page).contains("列出 24 个问题", "/rounds/2/report.xlsx", "/rounds/2/letters.zip");
            assertThat(inspector.get("/rounds/2?level=warning").body()).doesNotContain("列出 24 个问题");
            HttpResponse<String> json = inspector.get("/rounds/2/report.json");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(Served.json(json).get("findings")).hasSize(24);
            assertThat(inspector.get("/rounds/2/../../x.db").statusCode()).isEqualTo(404);

            // The clerk sees its unit, and claims one of its problems with an evidence file.
            Browser clerk = new Browser(served);
            clerk.signIn("clerk");
            assertThat(clerk.get("/").headers().firstValue("Location")).hasValue("/units");
            String units = clerk.get("/units").body();
            assertThat(units).contains(Served.SCHOOL).doesNotContain(Served.FINANCE);
            String fp = served.problemAt(Served.SCHOOL);
            assertThat(clerk.get("/units/" + Served.SCHOOL).body()).contains("/claims/" + fp);
            assertThat(clerk.get("/units/" + Served.FINANCE).statusCode()).isEqualTo(403);
            HttpResponse<String> noToken = clerk.upload("/claims/" + fp, Map.of("measures", "x", "responsible", "y"),
                    "evidence", Map.of());
            assertThat(noToken.statusCode()).isEqualTo(403);
            HttpResponse<String> claim = clerk.upload("/claims/" + fp, Map.of("csrf", clerk.csrf("/claims/" + fp),
                    "measures", "召开会议建立少工委", "responsible", "李敏", "done_on", "2022-12-05", "status", "已完成"),
                    "evidence", Map.of("成立会议记录.pdf", "%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8)));
            assertThat(claim.statusCode()).as(claim.body()).isEqualTo(303);
            assertThat(clerk.get("/units/" + Served.SCHOOL).body()).contains("已报整改", "召开会议建立少工委");

            // The inspector sees it waiting, downloads the evidence and accepts it.
            String reviews = inspector.get("/reviews").body();
            assertThat(reviews).contains("召开会议建立少工委", "成立会议记录.pdf");
            Matcher evidence = Pattern.compile("href=\"(/evidence/[0-9a-f]{64})\"").matcher(reviews);
            assertThat(evidence.find()).isTrue();
            assertThat(inspector.get(evidence.group(1)).body()).isEqualTo("%PDF-1.4 会议记录");
            HttpResponse<String> accept = inspector.post("/reviews/" + fp, Map.of("csrf", inspector.csrf("/reviews"),
                    "verdict", "accept", "note", "整改到位"));
            assertThat(accept.statusCode()).as(accept.body()).isEqualTo(303);
            String rateAfter = rate(inspector.get("/").body());
            assertThat(rateAfter).isNotEqualTo(rateBefore).isNotEqualTo("0.00%");
            assertThat(clerk.get("/units/" + Served.SCHOOL).body()).contains("已销号");

            // The admin sees it all in the audit log, in words.
            Browser admin = new Browser(served);
            admin.signIn("admin");
            assertThat(admin.get("/users").body()).contains("记录轮次", "报送整改", "销号", "张华", "二中填报员")
                    .doesNotContain("review.accept");

            // Signing out ends the session.
            assertThat(clerk.post("/logout", Map.of("csrf", clerk.csrf("/units"))).statusCode()).isEqualTo(303);
            assertThat(clerk.get("/units").statusCode()).isEqualTo(302);
        }
    }

    @Test
    void aSelfAuditShowsTheSamplesFindingsOrItsMistakesWithTheirLines() throws Exception {
        try (Served served = new Served(dir, dir.resolve("x.db").toString())) {
            Browser clerk = new Browser(served);
            clerk.signIn("clerk");
            HttpResponse<String> ok = clerk.upload("/audit", Map.of("csrf", clerk.csrf("/audit")), "files",
                    Map.of("自查.yaml", Served.sample()));
            assertThat(ok.body()).contains("发现 24 个问题");
            byte[] broken = new String(Served.sample(), StandardCharsets.UTF_8).replace("type: school", "type: scool")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> bad = clerk.upload("/audit", Map.of("csrf", clerk.csrf("/audit")), "files",
                    Map.of("自查.yaml", broken));
            assertThat(bad.body()).contains("自查.yaml:26:47", "是否应为“school”", "type: scool")
                    .doesNotContain(dir.toString());
            HttpResponse<String> exe = clerk.upload("/audit", Map.of("csrf", clerk.csrf("/audit")), "files",
                    Map.of("病毒.exe", new byte[]{'M', 'Z'}));
            assertThat(exe.statusCode()).isEqualTo(400);
            assertThat(exe.body()).contains("病毒.exe 不是事实文件");
            // Nothing of a self-audit is recorded.
            assertThat(served.ledger.view().rounds()).hasSize(1);
        }
    }

    @Test
    void anotherSystemClaimsWithEvidenceThroughTheApi() throws Exception {
        try (Served served = new Served(dir, dir.resolve("x.db").toString())) {
            String fp = served.problemAt(Served.SCHOOL);
            HttpResponse<String> r = served.send(served.as("clerk", "/api/ledger/" + fp + "/claim")
                    .header("Content-Type", "multipart/form-data; boundary=api0")
                    .POST(Served.multipart("api0", Map.of("measures", "建立少工委", "responsible", "李敏", "done_on",
                            "2022-12-05"), "evidence", Map.of("会议记录.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)))));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(Served.json(r).get("evidence").get(0).get("name").asText()).isEqualTo("会议记录.pdf");
            var ledger = Served.json(served.send(served.as("inspector", "/api/ledger?unit=" + Served.SCHOOL)));
            boolean found = false;
            for (var p : ledger.get("problems")) {
                if (p.get("fingerprint").asText().equals(fp)) {
                    assertThat(p.get("state").asText()).isEqualTo("claimed");
                    assertThat(p.get("claim").get("evidence").get(0).get("bytes").asInt()).isEqualTo(8);
                    found = true;
                }
            }
            assertThat(found).isTrue();
            HttpResponse<String> exe = served.send(served.as("clerk", "/api/ledger/" + fp + "/claim")
                    .header("Content-Type", "multipart/form-data; boundary=api0")
                    .POST(Served.multipart("api0", Map.of("measures", "x", "responsible", "y"), "evidence",
                            Map.of("a.exe", new byte[]{'M', 'Z'}))));
            assertThat(exe.statusCode()).isEqualTo(400);
            assertThat(Served.json(exe).get("error").toString()).contains("a.exe");
        }
    }

    @Test
    void signInIsRefusedAfterTooManyWrongPasswords() throws Exception {
        try (Served served = new Served(dir, dir.resolve("x.db").toString())) {
            Browser b = new Browser(served);
            for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
                HttpResponse<String> r = b.post("/login", Map.of("csrf", b.csrf("/login"), "name", "张华", "password", "wrong"));
                assertThat(r.statusCode()).isEqualTo(401);
                assertThat(r.body()).contains("用户名或密码不对");
            }
            HttpResponse<String> limited = b.post("/login", Map.of("csrf", b.csrf("/login"), "name", "张华",
                    "password", Served.USERS.get("inspector")[1]));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).contains("登录失败次数过多");
            HttpResponse<String> cookie = b.get("/login");
            assertThat(cookie.headers().allValues("Set-Cookie")).allMatch(c -> c.contains("HttpOnly") && c.contains("SameSite=Strict"));
        }
    }

    private static String rate(String dashboard) {
        Matcher m = Pattern.compile("<b>([0-9.]+%)</b>").matcher(dashboard);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
