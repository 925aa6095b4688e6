package xuncha.facts;

public enum AssessmentKind implements Labelled {
    PARTY_BUILDING("党建考核"),
    INSPECTION("巡察考核"),
    YEAR_END("年终考核");

    private final String zh;

    AssessmentKind(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
