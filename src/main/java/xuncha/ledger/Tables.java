package xuncha.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The ledger's tables, in the order their references allow them to be filled. */
final class Tables {
    static final List<String> ALL = List.of("ledger_round", "ledger_round_unit", "ledger_finding", "ledger_claim",
            "ledger_evidence", "ledger_review", "workspace_user", "workspace_audit");

    private Tables() {
    }

    /** Every row of every ledger table of {@code from} into the empty ledger {@code to}. */
    static void copy(Connection from, Connection to) throws SQLException {
        for (String table : ALL) {
            try (Statement s = from.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rows.getMetaData();
                int n = meta.getColumnCount();
                StringBuilder names = new StringBuilder();
                StringBuilder marks = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    names.append(i > 1 ? ", " : "").append(meta.getColumnName(i));
                    marks.append(i > 1 ? ", " : "").append('?');
                }
                try (PreparedStatement insert = to.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES ("
                        + marks + ")")) {
                    int batch = 0;
                    while (rows.next()) {
                        for (int i = 1; i <= n; i++) {
                            insert.setObject(i, rows.getObject(i));
                        }
                        insert.addBatch();
                        if (++batch % 1000 == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
        }
    }
}
