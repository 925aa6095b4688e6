package xuncha.server;

import xuncha.ledger.LedgerView;
import xuncha.problems.Messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every page's frame needs: its title, who is signed in (with the CSRF token its forms carry)
 * and the links that user's role may follow. Every word comes from the message bundles.
 *
 * @param user the user signed in, or null on the sign-in page
 * @param csrf the token each form of the page sends back
 */
public record View(String title, Users.User user, String csrf, String active) {

    /** A link of the navigation bar. */
    public record Link(String href, String label, boolean active) {
    }

    /** The words of {@code key}, in Chinese. */
    public String t(String key, Object... args) {
        return Messages.text("zh", key, args);
    }

    public String state(LedgerView.State s) {
        return t(s.key());
    }

    public boolean inspector() {
        return user != null && user.role() == Users.Role.INSPECTOR;
    }

    public boolean admin() {
        return user != null && user.role() == Users.Role.ADMIN;
    }

    public boolean clerk() {
        return user != null && user.role() == Users.Role.CLERK;
    }

    public List<Link> nav() {
        List<Link> out = new ArrayList<>();
        if (user == null) {
            return out;
        }
        if (!clerk()) {
            out.add(new Link("/", t("web.nav.dashboard"), "dashboard".equals(active)));
            out.add(new Link("/rounds", t("web.nav.rounds"), "rounds".equals(active)));
        }
        out.add(new Link("/units", t("web.nav.units"), "units".equals(active)));
        if (inspector()) {
            out.add(new Link("/reviews", t("web.nav.reviews"), "reviews".equals(active)));
        }
        out.add(new Link("/audit", t("web.nav.audit"), "audit".equals(active)));
        if (admin()) {
            out.add(new Link("/users", t("web.nav.users"), "users".equals(active)));
            out.add(new Link("/pack", t("web.nav.pack"), "pack".equals(active)));
        }
        return out;
    }

    /** A line of the audit log in words: its action with the values it was done to. */
    public String did(Users.Audit a) {
        List<Object> values = new ArrayList<>(Arrays.asList((Object[]) a.detail().split("\t", -1)));
        if (a.action().startsWith("user.") && values.size() == 3) {
            String units = values.get(2).toString();
            values.set(1, t("role." + values.get(1)));
            values.set(2, units.isEmpty() ? "" : t("web.audit.units", String.join(t("word.list"), units.split(","))));
        }
        try {
            return t("web.audit.did." + a.action(), values.toArray());
        } catch (IllegalStateException | java.util.IllegalFormatException e) {
            // A line written before its words were: shown as stored.
            return a.action() + " " + a.detail();
        }
    }

    /** Values listed as the language lists them (二中、三中). */
    public String list(java.util.Collection<String> values) {
        return String.join(t("word.list"), values);
    }

    /** An instant as the office's clock shows it. */
    public String when(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .format(java.time.Instant.parse(instant).atZone(java.time.ZoneId.systemDefault()));
        } catch (java.time.DateTimeException e) {
            return instant;
        }
    }

    public String roleName() {
        return user == null ? "" : t("role." + user.role().key());
    }
}
