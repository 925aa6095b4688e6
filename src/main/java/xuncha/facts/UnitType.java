package xuncha.facts;

public enum UnitType implements Labelled {
    COUNTY_PARTY_COMMITTEE("县委"),
    COUNTY_LEAGUE_COMMITTEE("团县委"),
    TOWNSHIP_PARTY_COMMITTEE("乡镇党委"),
    TOWNSHIP_LEAGUE_COMMITTEE("乡镇团委"),
    VILLAGE("村"),
    COMMUNITY("社区"),
    SCHOOL("学校"),
    ENTERPRISE("企业"),
    SOCIAL_ORGANIZATION("社会组织"),
    DEPARTMENT("县直部门");

    private final String zh;

    UnitType(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }

    public boolean isPartyCommittee() {
        return this == COUNTY_PARTY_COMMITTEE || this == TOWNSHIP_PARTY_COMMITTEE;
    }

    public boolean isLeagueCommittee() {
        return this == COUNTY_LEAGUE_COMMITTEE || this == TOWNSHIP_LEAGUE_COMMITTEE;
    }
}
