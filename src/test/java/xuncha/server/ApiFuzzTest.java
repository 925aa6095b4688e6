package xuncha.server;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests to the API and hostile upload names: every one is answered with a 4xx and a JSON
 * error in Chinese (or taken), never a 500; no upload name leads outside its folder.
 */
class ApiFuzzTest {
    private static Path dir;
    private static Served served;
    private static String fp;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("api-fuzz");
        served = new Served(dir, dir.resolve("x.db").toString());
        fp = served.problemAt(Served.SCHOOL);
    }

    @AfterContainer
    static void stop() {
        served.close();
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.oneOf(
                text,
                Arbitraries.of("{}", "[]", "null", "{\"measures\":1}", "{\"verdict\":\"accept\"}", "{\"name\":{}}",
                        "{\"measures\":\"x\",\"responsible\":\"y\",\"done_on\":\"2022-02-30\"}", "{\"verdict\":\"maybe\"}",
                        "{\"measures\":\"" + "长".repeat(5000) + "\",\"responsible\":\"y\"}", "\u0000", "{\"a\":"),
                text.map(t -> "{\"measures\":\"" + t.replace("\"", "") + "\",\"responsible\":\"" + t.replace("\"", "") + "\"}"));
    }

    @Property(tries = 60)
    void anyBodyIsTakenOrRefusedWithAJsonError(@ForAll("bodies") String body,
                                               @ForAll("routes") String route) throws Exception {
        String who = route.endsWith("/review") ? "inspector" : route.endsWith("/claim") ? "clerk" : "anonymous";
        HttpResponse<String> r = served.send(served.as(who, route).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(body).isIn(200, 201, 400, 401, 404, 409, 413, 429);
        if (r.statusCode() >= 400) {
            assertThat(Served.json(r).get("error").get("message").asText()).as(body).containsPattern("\\p{IsHan}");
        }
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of("/api/login", "/api/ledger/" + "FP" + "/claim", "/api/ledger/FP/review")
                .map(r -> r.replace("FP", fp));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("../../etc/passwd.yaml", "..\\..\\x.yaml", "/abs/path.yaml", "C:\\x\\y.yaml", ".yaml",
                        "..", ".", "a/../../b.yaml", "\u0000.yaml", "正常.yaml"));
    }

    @Property(tries = 200)
    void anUploadNameNeverLeadsOutOfItsFolder(@ForAll("names") String name) {
        try {
            String base = Uploads.baseName(name);
            assertThat(base).doesNotContain("/").doesNotContain("\\").isNotIn(".", "..").isNotEmpty();
            Path folder = dir.resolve("uploads-test");
            assertThat(folder.resolve(base).normalize().getParent()).isEqualTo(folder);
        } catch (Uploads.Refused e) {
            assertThat(e.key).startsWith("web.upload.");
        }
    }
}
