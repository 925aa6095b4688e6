package xuncha.facts;

public enum MeetingKind implements Labelled {
    STANDING_COMMITTEE("县委常委会", UnitType.COUNTY_PARTY_COMMITTEE),
    PARTY_COMMITTEE("乡镇党委会", UnitType.TOWNSHIP_PARTY_COMMITTEE),
    YOUTH_WORK_JOINT_MEETING("青少年工作联席会议", UnitType.COUNTY_PARTY_COMMITTEE);

    private final String zh;
    private final UnitType heldBy;

    MeetingKind(String zh, UnitType heldBy) {
        this.zh = zh;
        this.heldBy = heldBy;
    }

    @Override
    public String zh() {
        return zh;
    }

    /** The kind of party committee that holds meetings of this kind. */
    public UnitType heldBy() {
        return heldBy;
    }
}
