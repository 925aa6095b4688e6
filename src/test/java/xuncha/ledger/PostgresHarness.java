package xuncha.ledger;

/** The test PostgreSQL server, for tests outside this package. */
public final class PostgresHarness {
    private PostgresHarness() {
    }

    public static String newDatabase() {
        return Postgres.server().newDatabase();
    }
}
