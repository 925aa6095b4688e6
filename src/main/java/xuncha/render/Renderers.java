package xuncha.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The output formats by name: adding one is a class and a line here. */
public final class Renderers {
    private static final Map<String, Renderer> BY_NAME = new LinkedHashMap<>();

    static {
        register(new TextRenderer());
        register(new JsonRenderer());
        register(new HtmlRenderer());
        register(new XlsxRenderer());
        register(new SarifRenderer());
        register(new JunitRenderer());
        register(new DocxLettersRenderer());
        register(new LettersRenderer());
    }

    private Renderers() {
    }

    private static void register(Renderer r) {
        BY_NAME.put(r.name(), r);
    }

    public static Optional<Renderer> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The format names, in the order they are listed to users. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
