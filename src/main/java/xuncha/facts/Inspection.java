package xuncha.facts;

import java.time.LocalDate;
import java.util.List;

/** An inspection round run by a county party committee. Its problems are separate {@link Problem} facts. */
public record Inspection(String id, String unit, String name, LocalDate start, LocalDate end,
                         boolean coversLeagueWork, List<String> targets) implements Kept {
}
