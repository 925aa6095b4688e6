package xuncha.facts;

public enum Topic implements Labelled {
    LEAGUE_WORK_REPORT("专题听取共青团工作汇报"),
    OTHER("其他议题");

    private final String zh;

    Topic(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
