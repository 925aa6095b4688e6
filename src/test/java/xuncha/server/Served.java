package xuncha.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import xuncha.check.Check;
import xuncha.check.CheckListener;
import xuncha.check.CheckRequest;
import xuncha.engine.RulePack;
import xuncha.engine.RuleSources;
import xuncha.ledger.LedgerDb;
import xuncha.ledger.LedgerStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workspace started for a test on a free loopback port, over a ledger with round 1 of the sample
 * recorded and one user of each kind: an admin, an inspector, and two clerks bound to two units.
 */
final class Served implements AutoCloseable {
    static final String SCHOOL = "sch-yq-junior";
    static final String FINANCE = "d-fin";
    /** The users, by the role they play in the tests, with their passwords. */
    static final Map<String, String[]> USERS = new LinkedHashMap<>();

    static {
        USERS.put("admin", new String[]{"管理员", "admin-secret-1", "admin", ""});
        USERS.put("inspector", new String[]{"张华", "inspector-secret", "inspector", ""});
        USERS.put("clerk", new String[]{"二中填报员", "clerk-secret-1", "clerk", SCHOOL});
        USERS.put("other", new String[]{"财政局填报员", "clerk-secret-2", "clerk", FINANCE});
    }

    private static final RulePack PACK = RulePack.load(RuleSources.folder(Path.of("rules"), "rules/"));

    final Workspace workspace;
    final int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> tokens = new LinkedHashMap<>();
    final LedgerStore ledger;

    Served(Path dir, String db) throws Exception {
        LedgerDb opened = LedgerDb.open(db);
        Users users = new Users(opened);
        for (String[] u : USERS.values()) {
            users.put(u[0], Users.Role.of(u[2]).orElseThrow(), u[3].isEmpty() ? Set.of() : Set.of(u[3]),
                    Passwords.hash(u[1].toCharArray()), "test", "user.added");
        }
        ledger = new LedgerStore(opened);
        ledger.recordRound("2022年第一轮", new LedgerStore.Author("test", Instant.now()), prior -> Check.run(
                CheckRequest.of(new CheckRequest.Rules.Compiled(PACK), CheckRequest.files(List.of("fixtures/yangqu-2022.yaml")))
                        .jobs(1).priorRound(prior::apply), CheckListener.NONE).report());
        workspace = new Workspace(opened, PACK, dir.resolve("data"));
        port = workspace.start("127.0.0.1", 0);
        for (Map.Entry<String, String[]> u : USERS.entrySet()) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/login")).POST(HttpRequest.BodyPublishers.ofString(
                    new ObjectMapper().createObjectNode().put("name", u.getValue()[0]).put("password", u.getValue()[1]).toString()))
                    .header("Content-Type", "application/json"));
            tokens.put(u.getKey(), new ObjectMapper().readTree(r.body()).get("token").asText());
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as {@code who} ("anonymous" for nobody), by bearer token. */
    HttpRequest.Builder as(String who, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (!who.equals("anonymous")) {
            b.header("Authorization", "Bearer " + tokens.get(who));
        }
        return b;
    }

    /** A fingerprint of a problem at {@code unit}. */
    String problemAt(String unit) {
        return ledger.view().problems().stream().filter(p -> p.unit().equals(unit)).findFirst().orElseThrow().fingerprint();
    }

    /** A multipart/form-data body: fields, then files (name → bytes) under {@code fileField}. */
    static HttpRequest.BodyPublisher multipart(String boundary, Map<String, String> fields, String fileField,
                                               Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(f.getValue());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
    }

    static byte[] sample() throws IOException {
        return Files.readAllBytes(Path.of("fixtures/yangqu-2022.yaml"));
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return new ObjectMapper().readTree(r.body());
    }

    @Override
    public void close() {
        workspace.stop();
    }
}
