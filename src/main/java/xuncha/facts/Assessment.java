package xuncha.facts;

import java.util.Set;

/** Which of a party committee's assessments for a year include league work. */
public record Assessment(String unit, int year, Set<AssessmentKind> includesLeagueWork) {
}
