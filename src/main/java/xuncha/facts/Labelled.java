package xuncha.facts;

import java.util.Locale;

/** A value with its YAML spelling and the names a report shows for it. Implemented by enums. */
public interface Labelled {
    /** The spelling in the facts files: the constant's name in lower case, e.g. {@code township_party_committee}. */
    default String yaml() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The Chinese name, e.g. 乡镇党委. */
    String zh();

    default String label(String lang) {
        return "zh".equals(lang) ? zh() : yaml().replace('_', ' ');
    }
}
