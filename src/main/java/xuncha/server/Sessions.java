package xuncha.server;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is signed in: a random token per session (its cookie, or a bearer token for the API), each
 * with its own CSRF token; sessions end after a working day idle. Failed sign-ins are counted per
 * name and per address, and past the limit refused for a while.
 */
public final class Sessions {
    /** A session idle this long ends. */
    static final Duration IDLE = Duration.ofHours(8);
    /** This many failed sign-ins for one name, or from one address, within {@link #WINDOW} … */
    static final int MAX_FAILURES = 5;
    /** … and sign-in is refused until the window has passed. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in user's session. */
    public record Session(String token, String user, String csrf, Instant started) {
    }

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether {@code token} has the form {@link #token} gives (43 URL-safe Base64 characters). */
    static boolean wellFormed(String token) {
        if (token == null || token.length() != 43) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public Session start(String user) {
        Session s = new Session(token(), user, token(), Instant.now());
        byToken.put(s.token(), s);
        lastSeen.put(s.token(), s.started());
        return s;
    }

    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (lastSeen.getOrDefault(token, s.started()).plus(IDLE).isBefore(now)) {
            end(token);
            return Optional.empty();
        }
        lastSeen.put(token, now);
        return Optional.of(s);
    }

    public void end(String token) {
        if (token != null) {
            byToken.remove(token);
            lastSeen.remove(token);
        }
    }

    /** Ends every session of {@code user} (when an admin disables a user or changes a password). */
    public void endAll(String user) {
        byToken.values().removeIf(s -> {
            boolean mine = s.user().equals(user);
            if (mine) {
                lastSeen.remove(s.token());
            }
            return mine;
        });
    }

    /** Whether sign-in for {@code name} from {@code address} is refused for now. */
    public boolean limited(String name, String address) {
        return recent("name:" + name) >= MAX_FAILURES || recent("addr:" + address) >= MAX_FAILURES;
    }

    public void failed(String name, String address) {
        for (String key : new String[]{"name:" + name, "addr:" + address}) {
            Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(Instant.now());
            }
        }
    }

    public void succeeded(String name) {
        failures.remove("name:" + name);
    }

    private int recent(String key) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            Instant since = Instant.now().minus(WINDOW);
            while (!d.isEmpty() && d.peekFirst().isBefore(since)) {
                d.pollFirst();
            }
            return d.size();
        }
    }
}
