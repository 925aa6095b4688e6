package xuncha.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {
    @Test
    void eventsCountWhenInTheYearAndNotAfterAsOf() {
        Period p = new Period(2022, LocalDate.of(2022, 10, 24));
        assertThat(p.counts(LocalDate.of(2022, 1, 1))).isTrue();
        assertThat(p.counts(LocalDate.of(2022, 10, 24))).isTrue();
        assertThat(p.counts(LocalDate.of(2022, 10, 25))).isFalse();
        assertThat(p.counts(LocalDate.of(2021, 12, 31))).isFalse();
    }

    @Test
    void yearIsClosedFromTheThirtyFirstOfDecember() {
        assertThat(new Period(2022, LocalDate.of(2022, 12, 30)).closed()).isFalse();
        assertThat(new Period(2022, LocalDate.of(2022, 12, 31)).closed()).isTrue();
        assertThat(new Period(2022, LocalDate.of(2023, 3, 1)).closed()).isTrue();
    }

    @Test
    void ageIsWholeYearsCompletedOnTheDay() {
        Person p = new Person("p", "甲", LocalDate.of(1987, 10, 25), false, false);
        assertThat(p.ageOn(LocalDate.of(2022, 10, 24))).isEqualTo(34);
        assertThat(p.ageOn(LocalDate.of(2022, 10, 25))).isEqualTo(35);
        assertThat(new Person("q", "乙", null, false, false).ageOn(LocalDate.of(2022, 1, 1))).isEqualTo(-1);
    }
}
