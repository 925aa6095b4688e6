package xuncha.facts;

import java.math.BigDecimal;

/** A county's fiscal figures for a year, in yuan. */
public record Budget(String unit, int year, BigDecimal partyBuilding, BigDecimal leagueBuilding,
                     BigDecimal youngPioneerWork) {
}
