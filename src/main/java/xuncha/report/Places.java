package xuncha.report;

import xuncha.facts.UnitType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where a unit stands in the organisation, by name: its county and its township, for the reading formats and the ledger. */
public final class Places {
    private final Map<String, Report.UnitRef> units = new LinkedHashMap<>();

    public Places(Report report) {
        report.hierarchy().forEach(u -> units.put(u.id(), u));
    }

    /** A unit's name; its id when the report does not know it. */
    public String name(String unit) {
        Report.UnitRef u = units.get(unit);
        return u == null ? unit : u.name();
    }

    /**
     * The names of the township and county party committees above a unit, nearest first: where it
     * stands, beside its name, without ids. Empty for a county party committee.
     */
    public List<String> above(String unit) {
        List<String> above = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Report.UnitRef u = units.get(unit);
        while (u != null && !u.parent().isEmpty() && seen.add(u.id())) {
            Report.UnitRef parent = units.get(u.parent());
            if (parent != null && (parent.type() == UnitType.TOWNSHIP_PARTY_COMMITTEE
                    || parent.type() == UnitType.COUNTY_PARTY_COMMITTEE)) {
                above.add(parent.name());
            }
            u = parent;
        }
        return above;
    }

    /** The name of the unit's county (its county party committee); "" when it has none. */
    public String county(String unit) {
        Report.UnitRef u = units.get(unit);
        Report.UnitRef county = u == null ? null : units.get(u.county());
        return county == null ? "" : county.name();
    }

    /** The name of the township party committee the unit is under, or is; "" for county-level units. */
    public String township(String unit) {
        Set<String> seen = new HashSet<>();
        for (Report.UnitRef u = units.get(unit); u != null && seen.add(u.id()); u = units.get(u.parent())) {
            if (u.type() == UnitType.TOWNSHIP_PARTY_COMMITTEE) {
                return u.name();
            }
        }
        return "";
    }

    /** The unit's county id, for grouping; "" when it has none. */
    public String countyId(String unit) {
        Report.UnitRef u = units.get(unit);
        return u == null ? "" : u.county();
    }
}
