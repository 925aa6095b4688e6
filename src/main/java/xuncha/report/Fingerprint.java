package xuncha.report;

import xuncha.findings.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's identity across runs and rounds: rule, unit, person and subject, hashed. Never a
 * line number or a message, so it survives reordering, renamed files, edits elsewhere and changed
 * thresholds.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(Finding f) {
        String key = String.join("\u001f", f.rule(), f.unit(), f.person(), f.subject());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
