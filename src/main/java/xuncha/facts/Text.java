package xuncha.facts;

/** What the facts' texts mean, where a rule needs it. */
public final class Text {
    private Text() {
    }

    /**
     * Blank: empty, or only white space of any kind (rules.md, GRASS-02): besides what
     * {@link String#isBlank} knows, the no-break spaces (U+00A0, U+2007, U+202F) and the full-width
     * space (U+3000) that text pasted from Word or WPS carries.
     */
    public static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
