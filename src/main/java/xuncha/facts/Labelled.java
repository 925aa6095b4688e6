package xuncha.facts;

/** A value with its YAML spelling and the names a report shows for it. */
public interface Labelled {
    /** The spelling in the facts files, e.g. {@code township_party_committee}. */
    String yaml();

    /** The Chinese name, e.g. 乡镇党委. */
    String zh();

    default String label(String lang) {
        return "zh".equals(lang) ? zh() : yaml().replace('_', ' ');
    }
}
