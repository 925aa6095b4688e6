package xuncha.load;

import xuncha.problems.Suggest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestTest {
    @Test
    void swappedLettersAndSmallTyposFindTheWord() {
        List<String> fields = List.of("id", "unit", "kind", "date", "topics", "attendees");
        assertThat(Suggest.closest("tpoics", fields)).contains("topics");
        assertThat(Suggest.closest("reprots", List.of("topics", "reports"))).contains("reports");
        assertThat(Suggest.closest("atendees", fields)).contains("attendees");
        assertThat(Suggest.closest("Unit", fields)).contains("unit");
    }

    @Test
    void unrelatedWordsGetNoSuggestion() {
        assertThat(Suggest.closest("budget", List.of("id", "unit", "kind", "date"))).isEmpty();
        assertThat(Suggest.hint("zzz", List.of("alpha", "beta"))).isEmpty();
    }

    @Test
    void nearestOfSeveralIdsWins() {
        assertThat(Suggest.closest("hz-leage", List.of("hz-party", "hz-league", "dy-league"))).contains("hz-league");
    }
}
