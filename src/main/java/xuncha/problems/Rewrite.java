package xuncha.problems;

import xuncha.facts.Location;

/**
 * A value the reader accepted in a form that is not the canonical one ({@code 村} for {@code village},
 * {@code 是} for {@code true}), or whose corrected form is certain ({@code 2024/3/5}): where it is
 * written (code point offsets in the file as parsed, a byte-order mark aside) and what to write
 * instead. {@code xuncha fmt} applies them.
 */
public record Rewrite(Location at, int from, int to, String was, String canonical) {
}
