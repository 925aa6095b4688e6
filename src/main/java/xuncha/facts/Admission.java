package xuncha.facts;

import java.time.LocalDate;
import java.util.List;

/** A new Party member admitted by a party committee. */
public record Admission(String id, String person, String unit, LocalDate date, boolean recommendedByLeague)
        implements Kept {
    /** The people this record names. */
    @Override
    public List<String> named() {
        return List.of(person);
    }
}
