package xuncha.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import xuncha.facts.Location;
import xuncha.yaml.Decimals;
import xuncha.problems.Diagnostic;
import xuncha.problems.Messages.Term;
import xuncha.problems.Diagnostics;
import xuncha.problems.InputException;

import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read within bounds (nesting, string and number length: Jackson's
 * {@link StreamReadConstraints}), with the line and column of every value kept, so that whatever is
 * wrong in it is reported {@code file:line:col} like a facts file. Numbers are bounded decimals
 * ({@link Decimals}); trailing content after the document is refused.
 */
final class LocatedJson {
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(Decimals.MAX_CHARS).build())
            .build();

    private final String shown;
    private final Map<JsonNode, Location> containers = new IdentityHashMap<>();
    private final Map<JsonNode, Map<String, Location>> members = new IdentityHashMap<>();
    private final JsonNode root;

    private LocatedJson(String shown, JsonParser parser) throws IOException {
        this.shown = shown;
        if (parser.nextToken() == null) {
            throw problem(Location.ofFile(shown), "baseline.empty");
        }
        root = value(parser);
        if (parser.nextToken() != null) {
            throw problem(at(parser.currentTokenLocation()), "baseline.trailing");
        }
    }

    /** Reads {@code bytes}; anything that is not bounded, well-formed JSON throws a located problem. */
    static LocatedJson read(byte[] bytes, String shown) {
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(bytes);
            return new LocatedJson(shown, parser);
        } catch (StreamConstraintsException e) {
            throw problem(where(e, parser, shown), bound(e).key(), bound(e).args());
        } catch (JsonProcessingException e) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.startsWith("Non-standard token '")) {
                throw problem(where(e, parser, shown), "baseline.not_json_number", m.split("'")[1]);
            }
            throw problem(where(e, parser, shown), "baseline.not_json", Diagnostics.quote(
                    String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw problem(Location.ofFile(shown), "baseline.cannot_read", String.valueOf(e.getMessage()));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // nothing was written: nothing to lose
                }
            }
        }
    }

    /** A bound passed, in plain words. */
    private static Term bound(StreamConstraintsException e) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("Document nesting depth")) {
            return new Term("baseline.too_deep", MAX_DEPTH);
        }
        if (m.startsWith("String value length")) {
            return new Term("baseline.text_too_long", MAX_STRING >> 20);
        }
        if (m.startsWith("Number value length")) {
            return new Term("baseline.number_too_long", Decimals.MAX_CHARS);
        }
        return new Term("baseline.too_large_detail", Diagnostics.quote(m));
    }

    private static Location where(JsonProcessingException e, JsonParser parser, String shown) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
        return loc == null || loc.getLineNr() < 1 ? Location.ofFile(shown)
                : new Location(shown, loc.getLineNr(), Math.max(loc.getColumnNr(), 1));
    }

    JsonNode root() {
        return root;
    }

    /** Where a value stands: an object or array by itself, a member by its object and name. */
    Location at(JsonNode container) {
        return containers.getOrDefault(container, Location.ofFile(shown));
    }

    Location at(JsonNode object, String member) {
        Map<String, Location> m = members.get(object);
        return m != null && m.containsKey(member) ? m.get(member) : at(object);
    }

    private JsonNode value(JsonParser p) throws IOException {
        Location here = at(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                containers.put(o, here);
                Map<String, Location> at = new HashMap<>();
                members.put(o, at);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    Location valueAt = at(p.currentTokenLocation());
                    if (o.has(name)) {
                        throw problem(valueAt, "baseline.key_twice", Diagnostics.quote(name));
                    }
                    o.set(name, value(p));
                    at.put(name, valueAt);
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                containers.put(a, here);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p));
                }
                return a;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                try {
                    return JsonNodeFactory.instance.numberNode(Decimals.parse(p.getText()));
                } catch (Decimals.Refused e) {
                    throw problem(here, "baseline.number", Diagnostics.quote(p.getText()), e.reason());
                }
            }
            case VALUE_STRING -> {
                return JsonNodeFactory.instance.textNode(p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNodeFactory.instance.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> throw problem(here, "baseline.unexpected", String.valueOf(t));
        }
    }

    private Location at(JsonLocation loc) {
        return loc == null ? Location.ofFile(shown) : new Location(shown, loc.getLineNr(), loc.getColumnNr());
    }

    private static InputException problem(Location at, String key, Object... args) {
        return new InputException(List.of(Diagnostic.of(at, key, args)));
    }
}
