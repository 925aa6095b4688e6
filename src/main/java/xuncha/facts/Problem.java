package xuncha.facts;

import java.time.LocalDate;

/**
 * A problem an inspection round fed back to one of its targets.
 *
 * @param rectified null while not rectified: use {@link #pending()}
 */
public record Problem(String id, String inspection, String unit, String summary, LocalDate fedBack,
                      LocalDate rectified) implements Kept {

    /**
     * Not yet rectified. Deliberately not named {@code isRectified()}: that would make
     * {@code rectified} a second, boolean property beside the date, and which of the two a rule's
     * {@code rectified} meant would depend on the order reflection lists the methods in.
     */
    public boolean pending() {
        return rectified == null;
    }
}
