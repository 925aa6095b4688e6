package xuncha.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * SHA-256 of the facts files a check read, taken from the bytes as they are read (no second
 * reading): of each file's own SHA-256, sorted, so that the same files give the same digest wherever
 * they are kept and however they are named on the command line. Hand it to {@link FactLoader#onFile}
 * or {@link GroupedLoader#onFile}; files read from several threads at once are fine.
 */
public final class FactsDigest implements BiConsumer<Path, byte[]> {
    private final Map<Path, String> each = new ConcurrentHashMap<>();

    @Override
    public void accept(Path file, byte[] bytes) {
        each.put(file.toAbsolutePath().normalize(), HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    /** The digest of every file read so far; of nothing when none was. */
    public String hex() {
        MessageDigest all = sha256();
        each.values().stream().sorted().forEach(d -> all.update((d + "\n").getBytes(StandardCharsets.US_ASCII)));
        return HexFormat.of().formatHex(all.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java", e);
        }
    }
}
