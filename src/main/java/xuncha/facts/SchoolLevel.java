package xuncha.facts;

public enum SchoolLevel implements Labelled {
    PRIMARY("小学"),
    SECONDARY("中学"),
    /** Not given, or not a school. */
    NONE("未填写");

    private final String zh;

    SchoolLevel(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
