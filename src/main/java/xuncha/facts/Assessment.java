package xuncha.facts;

import java.util.Set;

/** Which of a party committee's assessments for a year include league work. */
public record Assessment(String unit, int year, Set<AssessmentKind> includesLeagueWork)
        implements Kept {

    /** Assessments have no id in the facts format: this names one in evidence, {@code assessment:yq-party:2022}. */
    public String ref() {
        return "assessment:" + unit + ":" + year;
    }
}
