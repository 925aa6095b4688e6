package xuncha.facts;

import java.util.List;

import java.math.BigDecimal;

/**
 * A role held by a person at a unit.
 *
 * @param grid the township party committee a youth work committee member serves; empty otherwise
 * @param industry the industry an industry liaison serves; empty otherwise
 * @param monthlyAllowance a brigade counselor's allowance per month; zero otherwise
 */
public record Role(
        String person,
        String unit,
        RoleKind role,
        Source source,
        String grid,
        String industry,
        BigDecimal monthlyAllowance) implements Kept {
    /** The people this record names. */
    @Override
    public List<String> named() {
        return List.of(person);
    }

}
