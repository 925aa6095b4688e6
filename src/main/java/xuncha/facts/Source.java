package xuncha.facts;

/** Where the holder of a role was drawn from. */
public enum Source implements Labelled {
    UNIVERSITY_STUDENT("大学生"),
    HIGH_LEVEL_TALENT("高层次专业人才"),
    FIRST_SECRETARY("驻村第一书记"),
    VILLAGE_CADRE("包村干部"),
    SOCIAL_ORG_LEADER("社会组织带头人"),
    OTHER("其他"),
    /** Not given: only for roles that need no source. */
    NONE("未填写");

    private final String zh;

    Source(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
