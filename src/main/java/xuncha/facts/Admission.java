package xuncha.facts;

import java.time.LocalDate;

/** A new Party member admitted by a party committee. */
public record Admission(String id, String person, String unit, LocalDate date, boolean recommendedByLeague) {
}
