package xuncha.facts;

import java.util.Locale;

/** A value with its YAML spelling and the names a report shows for it. Implemented by enums. */
public interface Labelled {
    /** The spelling in the facts files: the constant's name in lower case, e.g. {@code township_party_committee}. */
    default String yaml() {
        Enum<?> e = (Enum<?>) this;
        return SPELLINGS.get(e.getDeclaringClass())[e.ordinal()];
    }

    /** Each enum's spellings by ordinal, made once: {@link #yaml} is asked for every value of every record read. */
    ClassValue<String[]> SPELLINGS = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] out = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                out[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return out;
        }
    };

    /** The Chinese name, e.g. 乡镇党委. */
    String zh();

    default String label(String lang) {
        return "zh".equals(lang) ? zh() : yaml().replace('_', ' ');
    }
}
