package xuncha.facts;

import java.util.List;

/**
 * A record kept at a unit (a role, a meeting, a budget …): the county it belongs to follows from
 * its unit, and the people it names go with it when the facts are split by county. Every record
 * kind of the facts format but units and people is one.
 */
public interface Kept {
    /** The unit the record is kept at. */
    String unit();

    /** The ids of the people the record names. */
    default List<String> named() {
        return List.of();
    }
}
