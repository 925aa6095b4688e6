package xuncha.report;

/**
 * The field names of the JSON report (cli.md), defined once: the JSON renderer writes them, and
 * {@link Baseline} reads the previous round's report by them.
 */
public final class ReportJson {
    public static final String VERSION = "version";
    public static final String YEAR = "year";
    public static final String AS_OF = "as_of";
    public static final String UNITS = "units";
    public static final String RULES = "rules";
    public static final String COUNTS = "counts";
    public static final String RECTIFIED = "rectified";
    public static final String WAIVED = "waived";
    public static final String FINDINGS = "findings";
    public static final String WAIVER_NOTICES = "waiver_notices";
    public static final String RECTIFIED_EVER = "rectified_ever";
    public static final String STATUS = "status";
    public static final String RULE = "rule";
    public static final String UNIT = "unit";
    public static final String UNIT_NAME = "unit_name";
    public static final String PERSON = "person";
    public static final String PERSON_NAME = "person_name";
    public static final String TITLE = "title";
    public static final String MESSAGE = "message";
    public static final String FINGERPRINT = "fingerprint";
    public static final String STATE = "state";
    public static final String FIRST_SEEN = "first_seen";
    public static final String OVERDUE = "overdue";
    public static final String DEADLINE = "deadline";
    public static final String DEADLINE_BASIS = "deadline_basis";
    public static final String WAIVER = "waiver";
    public static final String REASON = "reason";
    public static final String APPROVED_BY = "approved_by";
    public static final String APPROVED_ON = "approved_on";
    public static final String EXPIRES = "expires";
    public static final String EVIDENCE = "evidence";
    public static final String FACTS = "facts";
    public static final String THRESHOLDS = "thresholds";
    public static final String LEVEL = "level";
    public static final String EXPECTED = "expected";
    public static final String ACTUAL = "actual";
    public static final String MISSING = "missing";

    public static final String PROVENANCE = "provenance";
    public static final String PACK_VERSION = "pack_version";
    public static final String PACK_SHA256 = "pack_sha256";
    public static final String FACTS_SHA256 = "facts_sha256";
    public static final String SET = "set";

    private ReportJson() {
    }
}
