package xuncha.yaml;

import xuncha.problems.Diagnostics;
import xuncha.problems.Messages;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import xuncha.facts.Location;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads one YAML file into SnakeYAML's node tree, which keeps the line and column of every value.
 * Hostile input is refused within bounded memory and time: the file size and the nesting depth are
 * capped, and what aliases repeat is bounded by the file's own size ({@link YamlComposer}).
 */
public final class YamlReader {
    /** The largest file read: a county's facts are far smaller, a province comes as a folder of files. */
    public static final long MAX_FILE_BYTES = 32L << 20;
    private static final int MAX_DEPTH = 32;

    private final Charset charset;

    public YamlReader(Charset charset) {
        this.charset = charset;
    }

    private java.util.function.BiConsumer<Path, byte[]> bytesRead = (path, bytes) -> { };

    /** Also hands each file's bytes, as read, to {@code sink} (from the reading thread): to digest them without reading twice. */
    public YamlReader onBytes(java.util.function.BiConsumer<Path, byte[]> sink) {
        this.bytesRead = sink;
        return this;
    }

    /** The file's single document, or empty with the problem recorded. An empty file gives empty. */
    public Optional<Node> read(Path path, String shown, Diagnostics problems) {
        return read(path, shown, problems, Set.of(), (key, item) -> { });
    }

    /**
     * The file's single document, the items of the top-level lists named in {@code streamed} handed
     * to {@code items} one at a time as they are read, and left out of the tree (their lists are
     * empty in it); see {@link YamlComposer}.
     */
    public Optional<Node> read(Path path, String shown, Diagnostics problems, Set<String> streamed,
                        BiConsumer<String, Node> items) {
        return parse(text(path, shown, problems), shown, problems, streamed, items);
    }

    /** A document already in memory (a resource of the jar), read as a file of these bytes would be. */
    public Optional<Node> read(byte[] bytes, String shown, Diagnostics problems) {
        return parse(decode(bytes, shown, problems), shown, problems, Set.of(), (key, item) -> { });
    }

    private Optional<Node> parse(Optional<CharBuffer> text, String shown, Diagnostics problems, Set<String> streamed,
                                 BiConsumer<String, Node> items) {
        if (text.isPresent() && TypingMistakes.find(text.get(), shown, problems)) {
            return Optional.empty();
        }
        int chars = text.map(CharBuffer::remaining).orElse(0);
        Optional<WholeTextReader> reader = text.flatMap(t -> reader(t, shown, problems));
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        try {
            LoaderOptions options = options();
            YamlComposer composer = new YamlComposer(new ParserImpl(reader.get(), options), MAX_DEPTH, chars,
                    streamed, items);
            return Optional.ofNullable(composer.single());
        } catch (YamlComposer.Refused e) {
            problems.say(at(shown, e.at), e.why.key(), e.why.args());
        } catch (MarkedYAMLException e) {
            syntax(e, shown, text.get(), problems);
        } catch (YAMLException e) {
            problems.say(Location.ofFile(shown), "yaml.syntax.other");
        }
        return Optional.empty();
    }

    /**
     * What the parser found, in plain words and never its own (users do not read parser jargon), at
     * the line the mistake is on: a missing colon is where the key began, not where the parser gave up.
     */
    private static void syntax(MarkedYAMLException e, String shown, CharSequence text, Diagnostics problems) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String key;
        org.yaml.snakeyaml.error.Mark at = e.getProblemMark();
        if (problem.contains("could not find expected ':'")) {
            key = "yaml.syntax.colon";
            at = e.getContextMark() != null ? e.getContextMark() : at;
        } else if (problem.contains("mapping values are not allowed")) {
            key = "yaml.syntax.mapping";
        } else if (context.contains("quoted scalar")) {
            key = "yaml.syntax.quote";
            at = e.getContextMark() != null ? e.getContextMark() : at;
        } else if (context.contains("flow") || problem.contains("','") || problem.contains("']'")
                || problem.contains("'}'")) {
            key = "yaml.syntax.bracket";
            Location open = openBracket(text, at, shown);
            if (open != null) {
                problems.say(open, key);
                return;
            }
        } else if (problem.contains("expected <block end>") || problem.contains("did not find expected key")
                || problem.contains("did not find expected '-'") || context.contains("block")) {
            key = "yaml.syntax.indent";
        } else {
            key = "yaml.syntax.other";
        }
        problems.say(at(shown, at), key);
    }

    /**
     * Where the last bracket still open at {@code mark} was opened ({@code [} or {@code {}, quotes and
     * comments aside): what a user forgot to close. Null when none is open.
     */
    private static Location openBracket(CharSequence text, Mark mark, String shown) {
        java.util.Deque<int[]> open = new java.util.ArrayDeque<>();
        int line = 1;
        int column = 1;
        char quote = 0;
        boolean comment = false;
        int start = text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            if (line > mark.getLine() + 1 || line == mark.getLine() + 1 && column > mark.getColumn() + 1) {
                break;
            }
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                comment = false;
                continue;
            }
            if (!comment) {
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '#' && (column == 1 || Character.isWhitespace(text.charAt(i - 1)))) {
                    comment = true;
                } else if (c == '[' || c == '{') {
                    open.push(new int[] {line, column});
                } else if ((c == ']' || c == '}') && !open.isEmpty()) {
                    open.pop();
                }
            }
            column++;
        }
        return open.isEmpty() ? null : new Location(shown, open.peek()[0], open.peek()[1]);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * A reader over the text, or empty with the first character YAML does not allow (a control
     * character, most often pasted from another program) reported where it stands.
     */
    private static Optional<WholeTextReader> reader(CharBuffer text, String shown, Diagnostics problems) {
        char[] chars = text.array();
        int start = text.arrayOffset() + text.position();
        int end = text.arrayOffset() + text.limit();
        if (start < end && chars[start] == '\uFEFF') {
            start++;
        }
        if (start > 0) {
            System.arraycopy(chars, start, chars, 0, end - start);
            end -= start;
        }
        boolean surrogates = false;
        for (int i = 0; i < end; ) {
            char ch = chars[i];
            // Printable ASCII and line breaks, nearly every character, without a call.
            if (ch >= 0x20 && ch <= 0x7E || ch == '\n') {
                i++;
                continue;
            }
            int c = Character.codePointAt(chars, i, end);
            if (!StreamReader.isPrintable(c)) {
                problems.say(place(chars, i, shown), "yaml.control_character", c);
                return Optional.empty();
            }
            surrogates |= c > 0xFFFF;
            i += Character.charCount(c);
        }
        return Optional.of(new WholeTextReader(chars, end, surrogates));
    }

    /** The line and column of the character at {@code index}, columns counted in characters as read (a pair as one). */
    private static Location place(char[] chars, int index, String shown) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; ) {
            int c = Character.codePointAt(chars, i, index);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return new Location(shown, line, column);
    }

    private Optional<CharBuffer> text(Path path, String shown, Diagnostics problems) {
        byte[] bytes;
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                problems.say(Location.ofFile(shown), "file.not_regular");
                return Optional.empty();
            }
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                problems.say(Location.ofFile(shown), "file.too_big", size, MAX_FILE_BYTES >> 20);
                return Optional.empty();
            }
            bytes = Files.readAllBytes(path);
            bytesRead.accept(path, bytes);
        } catch (NoSuchFileException e) {
            problems.say(Location.ofFile(shown), "file.no_such");
            return Optional.empty();
        } catch (IOException e) {
            problems.say(Location.ofFile(shown), "file.cannot_read", String.valueOf(e.getMessage()));
            return Optional.empty();
        }
        return decode(bytes, shown, problems);
    }

    private Optional<CharBuffer> decode(byte[] bytes, String shown, Diagnostics problems) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            problems.say(byteLocation(bytes, offset, shown), "file.bad_encoding", charset.name(), bytes[offset] & 0xff,
                    new Messages.Term(charset.equals(StandardCharsets.UTF_8) ? "file.encoding_hint.utf8"
                            : "file.encoding_hint.other"));
            return Optional.empty();
        }
        return Optional.of(out.flip());
    }


    /** Line and column (in characters, as far as they decode) of a byte offset. */
    private Location byteLocation(byte[] bytes, int offset, String shown) {
        int lineStart = 0;
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = charset.decode(ByteBuffer.wrap(bytes, lineStart, offset - lineStart)).toString();
        return new Location(shown, line, before.length() + 1);
    }

    /** The name of a mark that stands for a workbook cell: this, then the sheet's name (see {@link #cell}). */
    public static final String CELL = "\u0000cell:";

    /** What separates a cell mark's sheet from the heading of its column. */
    public static final char HEADING = '\u0001';

    /**
     * A mark for the cell at 0-based {@code row} and {@code column} of {@code sheet}, under the column
     * headed {@code heading} ("" for none): nodes read from a workbook carry it, and messages name the
     * column by its heading (出生日期) rather than by the field it stands for.
     */
    public static Mark cell(String sheet, String heading, int row, int column) {
        return new Mark(CELL + sheet + (heading.isEmpty() ? "" : HEADING + heading), 0, row, column, new int[0], 0);
    }

    /** The heading of the column a mark's cell is in, if it is a workbook cell under one. */
    public static java.util.Optional<String> heading(Mark mark) {
        String name = mark == null ? null : mark.getName();
        if (name == null || !name.startsWith(CELL) || name.indexOf(HEADING) < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(name.substring(name.indexOf(HEADING) + 1));
    }

    public static Location at(String shown, Mark mark) {
        if (mark != null && mark.getName() != null && mark.getName().startsWith(CELL)) {
            String sheet = mark.getName().substring(CELL.length());
            int cut = sheet.indexOf(HEADING);
            return Location.ofCell(shown, cut < 0 ? sheet : sheet.substring(0, cut), mark.getLine() + 1,
                    mark.getColumn() + 1);
        }
        return mark == null ? Location.ofFile(shown) : new Location(shown, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
