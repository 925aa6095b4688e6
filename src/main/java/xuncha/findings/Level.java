package xuncha.findings;

import xuncha.facts.Labelled;

/** How serious a finding is. Declared order is severity order, most serious first. */
public enum Level implements Labelled {
    VIOLATION("违规"),
    WARNING("提醒");

    private final String zh;

    Level(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }

    public boolean atLeast(Level other) {
        return compareTo(other) <= 0;
    }
}
