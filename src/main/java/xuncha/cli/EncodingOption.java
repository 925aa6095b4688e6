package xuncha.cli;

import picocli.CommandLine.Option;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** {@code --encoding}: how the facts files are written, the same for every command that reads them. */
final class EncodingOption {
    @Option(names = "--encoding", paramLabel = "NAME", defaultValue = "utf-8")
    String encoding;

    Charset charset() {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageError("usage.encoding", encoding);
        }
    }
}
