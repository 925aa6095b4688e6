package xuncha.server;

import xuncha.ledger.LedgerDb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The workspace's users, kept in the ledger's database beside the history they change: each change of
 * a user is a new row (the latest counts), and every change anyone makes is written to the audit log.
 */
public final class Users {
    /** What a user may do. */
    public enum Role {
        /** Users and the rule pack. */
        ADMIN,
        /** Rounds, reviews, every unit. */
        INSPECTOR,
        /** One or more units: their problems, their claims, their self-audits. */
        CLERK,
        /** No longer signs in. */
        DISABLED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Role> of(String text) {
            return Arrays.stream(values()).filter(r -> r.key().equals(text)).findFirst();
        }
    }

    /** A user as the latest row says. */
    public record User(String name, Role role, Set<String> units, String passwordHash) {
        /** Whether this user may see and claim the problems of {@code unit}. */
        public boolean bound(String unit) {
            return role == Role.CLERK && units.contains(unit);
        }
    }

    /** One line of the audit log. */
    public record Audit(int seq, String at, String who, String action, String detail) {
    }

    private final LedgerDb db;

    public Users(LedgerDb db) {
        this.db = db;
    }

    public Optional<User> find(String name) {
        return db.read(c -> latest(c, name));
    }

    private static Optional<User> latest(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, role, units, password_hash FROM workspace_user "
                + "WHERE name = ? ORDER BY seq DESC")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        Set<String> units = new TreeSet<>();
        for (String u : rs.getString(3).split("\n")) {
            if (!u.isBlank()) {
                units.add(u);
            }
        }
        return new User(rs.getString(1), Role.of(rs.getString(2)).orElse(Role.DISABLED), units, rs.getString(4));
    }

    /** Every user, by name, as the latest rows say. */
    public List<User> all() {
        return db.read(c -> {
            Map<String, User> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, role, units, password_hash FROM workspace_user "
                    + "ORDER BY name, seq"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), user(rs));
                }
            }
            return List.copyOf(out.values());
        });
    }

    /** Adds or changes the user {@code name}, and says so in the audit log; {@code by} is who did it. */
    public void put(String name, Role role, Set<String> units, String passwordHash, String by, String action) {
        db.write(c -> {
            int seq = next(c, "workspace_user");
            try (PreparedStatement s = c.prepareStatement("INSERT INTO workspace_user (seq, name, role, password_hash, "
                    + "units, made_at, made_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setInt(1, seq);
                s.setString(2, name);
                s.setString(3, role.key());
                s.setString(4, passwordHash);
                s.setString(5, String.join("\n", new TreeSet<>(units)));
                s.setString(6, Instant.now().toString());
                s.setString(7, by);
                s.executeUpdate();
            }
            audit(c, by, action, name, role.key(), String.join(",", new TreeSet<>(units)));
            return null;
        });
    }

    /**
     * Writes one line of the audit log in the transaction {@code c}: what was done to what, as values
     * (tab-separated), which the admin's page says in words ({@link View#did}).
     */
    static void audit(Connection c, String who, String action, String... values) throws SQLException {
        String detail = String.join("\t", Arrays.stream(values).map(v -> v.replace('\t', ' ')).toList());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO workspace_audit (seq, at, who, action, detail) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            s.setInt(1, next(c, "workspace_audit"));
            s.setString(2, Instant.now().toString());
            s.setString(3, who);
            s.setString(4, action);
            s.setString(5, detail);
            s.executeUpdate();
        }
    }

    /** Writes one line of the audit log in a transaction of its own. */
    public void audit(String who, String action, String... values) {
        db.write(c -> {
            audit(c, who, action, values);
            return null;
        });
    }

    public List<Audit> auditLog(int last) {
        return db.read(c -> {
            List<Audit> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, at, who, action, detail FROM workspace_audit "
                    + "ORDER BY seq DESC")) {
                s.setMaxRows(last);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Audit(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    private static int next(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM " + table);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
