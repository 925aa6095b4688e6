package xuncha.facts;

import java.time.LocalDate;
import java.time.Period;

/**
 * A person. Roles are separate {@link Role} facts so that rules join them by unit.
 *
 * @param birthDate null when not given: use {@link #hasBirthDate()} and {@link #ageOn(LocalDate)}
 */
public record Person(String id, String name, LocalDate birthDate, boolean partyMember, boolean leagueMember) {

    public boolean hasBirthDate() {
        return birthDate != null;
    }

    /** Whole years completed on {@code day}; -1 when the birth date is not known. */
    public int ageOn(LocalDate day) {
        return birthDate == null ? -1 : Period.between(birthDate, day).getYears();
    }
}
