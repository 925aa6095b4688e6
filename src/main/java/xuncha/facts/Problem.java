package xuncha.facts;

import java.time.LocalDate;

/**
 * A problem an inspection round fed back to one of its targets.
 *
 * @param rectified null while not rectified: use {@link #isRectified()}
 */
public record Problem(String id, String inspection, String unit, String summary, LocalDate fedBack,
                      LocalDate rectified) {

    public boolean isRectified() {
        return rectified != null;
    }
}
