package xuncha.facts;

import java.util.List;

import java.time.LocalDate;
import java.util.Set;

/** A meeting held by a party committee. {@code attendees}: non-members who attended (列席). */
public record Meeting(String id, String unit, MeetingKind kind, LocalDate date, Set<Topic> topics,
                      Set<String> attendees) implements Kept {
    /** The people this record names. */
    @Override
    public List<String> named() {
        return List.copyOf(attendees);
    }


    public boolean hasTopic(Topic topic) {
        return topics.contains(topic);
    }

    public boolean attendedBy(String person) {
        return attendees.contains(person);
    }
}
