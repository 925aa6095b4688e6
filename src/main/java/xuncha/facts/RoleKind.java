package xuncha.facts;

import java.util.EnumSet;
import java.util.Set;

import static xuncha.facts.UnitType.*;

/** The roles of {@code facts.md}, with the unit types where each may be held. */
public enum RoleKind implements Labelled {
    SECRETARY("书记", EnumSet.of(COUNTY_PARTY_COMMITTEE, TOWNSHIP_PARTY_COMMITTEE,
            COUNTY_LEAGUE_COMMITTEE, TOWNSHIP_LEAGUE_COMMITTEE, SCHOOL)),
    DEPUTY_SECRETARY("副书记", EnumSet.of(COUNTY_PARTY_COMMITTEE, TOWNSHIP_PARTY_COMMITTEE,
            COUNTY_LEAGUE_COMMITTEE, TOWNSHIP_LEAGUE_COMMITTEE)),
    PRINCIPAL("校长", EnumSet.of(SCHOOL)),
    PART_TIME_DEPUTY_SECRETARY("兼职团委副书记", EnumSet.of(TOWNSHIP_LEAGUE_COMMITTEE)),
    YOUTH_WORK_COMMITTEE_MEMBER("青工委委员", EnumSet.of(COUNTY_LEAGUE_COMMITTEE)),
    LEAGUE_BUILDING_INSTRUCTOR("团建指导员", EnumSet.of(VILLAGE, COMMUNITY, ENTERPRISE, SOCIAL_ORGANIZATION)),
    ENTERPRISE_NAVIGATOR("青企领航员", EnumSet.of(ENTERPRISE)),
    INDUSTRY_LIAISON("行业联络人", EnumSet.of(COUNTY_LEAGUE_COMMITTEE)),
    YOUNG_PIONEER_COMMITTEE_DIRECTOR("少工委主任", EnumSet.of(SCHOOL)),
    BRIGADE_COUNSELOR("少先队大队辅导员", EnumSet.of(SCHOOL));

    private final String zh;
    private final Set<UnitType> heldAt;

    RoleKind(String zh, Set<UnitType> heldAt) {
        this.zh = zh;
        this.heldAt = heldAt;
    }

    @Override
    public String zh() {
        return zh;
    }

    public Set<UnitType> heldAt() {
        return heldAt;
    }

    public boolean needsSource() {
        return this == PART_TIME_DEPUTY_SECRETARY || this == YOUTH_WORK_COMMITTEE_MEMBER
                || this == LEAGUE_BUILDING_INSTRUCTOR;
    }
}
