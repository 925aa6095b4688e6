package xuncha.facts;

/** The four parts of a grassroots league cadre's annual evaluation. */
public enum EvaluationPart implements Labelled {
    FIELD_INSPECTION("实地考察"),
    YOUTH_REVIEW("青年点评"),
    LEAGUE_REPORT("团内述职"),
    PARTY_GOVERNMENT("党政主评");

    private final String zh;

    EvaluationPart(String zh) {
        this.zh = zh;
    }

    @Override
    public String zh() {
        return zh;
    }
}
