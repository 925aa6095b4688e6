package xuncha.facts;

import java.math.BigDecimal;

/**
 * An organization. The type-specific fields of {@code facts.md} are here for every type, at their
 * documented defaults where the type does not have them, so that rules read one shape.
 *
 * @param parent the unit it belongs to; empty for a county party committee
 * @param county the id of the county party committee reached through {@code parent}: derived by the loader
 */
public record Unit(
        String id,
        String name,
        UnitType type,
        String parent,
        String county,
        String venue,
        BigDecimal annualFunds,
        SchoolLevel level,
        int youngPioneers,
        boolean youngPioneerCommittee,
        String industry,
        boolean key,
        boolean nonPublic,
        int youngEmployees,
        int youngMembers) {

    /** True when a venue is given and not blank. */
    public boolean hasVenue() {
        return !Text.isBlank(venue);
    }
}
