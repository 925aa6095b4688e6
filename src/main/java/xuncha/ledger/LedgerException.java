package xuncha.ledger;

import xuncha.facts.Location;
import xuncha.problems.Diagnostic;
import xuncha.problems.InputException;

import java.util.List;

/** A ledger request that cannot be done, said like any other located input problem. */
final class LedgerException {
    private LedgerException() {
    }

    static InputException at(Location where, String key, Object... args) {
        return new InputException(List.of(Diagnostic.of(where, key, args)));
    }
}
