package xuncha.facts;

import java.math.BigDecimal;

/** A county's fiscal figures for a year, in yuan. */
public record Budget(String unit, int year, BigDecimal partyBuilding, BigDecimal leagueBuilding,
                     BigDecimal youngPioneerWork) implements Kept {

    /** Budgets have no id in the facts format: this names one in evidence, {@code budget:yq-party:2022}. */
    public String ref() {
        return "budget:" + unit + ":" + year;
    }
}
