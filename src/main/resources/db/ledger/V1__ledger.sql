-- The rectification ledger (整改台账): a history, appended to and never updated in place. A problem's
-- state is a query over its rounds, claims and reviews. Portable SQL: the same file runs on SQLite
-- and PostgreSQL. Days are ISO dates (YYYY-MM-DD) and instants ISO-8601 UTC, as text.

-- Each round recorded by `check --db DB --round NAME`.
CREATE TABLE ledger_round (
    seq          INTEGER      NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL UNIQUE,
    as_of        CHAR(10)     NOT NULL,
    pack_version VARCHAR(200) NOT NULL,
    pack_sha256  VARCHAR(64)  NOT NULL,
    facts_sha256 VARCHAR(64)  NOT NULL,
    recorded_at  VARCHAR(40)  NOT NULL,
    recorded_by  VARCHAR(200) NOT NULL
);

-- The units a round checked: a problem is rectified by the facts only in a round that checked its unit.
CREATE TABLE ledger_round_unit (
    round_seq INTEGER      NOT NULL REFERENCES ledger_round (seq),
    unit      VARCHAR(200) NOT NULL,
    PRIMARY KEY (round_seq, unit)
);

-- Each finding of each round, by fingerprint, with what a ledger shows of it.
CREATE TABLE ledger_finding (
    round_seq      INTEGER      NOT NULL REFERENCES ledger_round (seq),
    fingerprint    VARCHAR(64)  NOT NULL,
    rule           VARCHAR(100) NOT NULL,
    level          VARCHAR(20)  NOT NULL,
    unit           VARCHAR(200) NOT NULL,
    unit_name      VARCHAR(400) NOT NULL,
    township       VARCHAR(400) NOT NULL,
    county         VARCHAR(400) NOT NULL,
    person         VARCHAR(200) NOT NULL,
    person_name    VARCHAR(400) NOT NULL,
    title          TEXT         NOT NULL,
    message        TEXT         NOT NULL,
    evidence       TEXT         NOT NULL,
    state          VARCHAR(20)  NOT NULL,
    first_seen     CHAR(10)     NOT NULL,
    deadline       CHAR(10),
    deadline_basis VARCHAR(20)  NOT NULL,
    PRIMARY KEY (round_seq, fingerprint)
);
CREATE INDEX ledger_finding_by_fingerprint ON ledger_finding (fingerprint);

-- A unit's report of its rectification (整改措施、责任人、完成时限、整改情况), after round after_round.
CREATE TABLE ledger_claim (
    seq         INTEGER      NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64)  NOT NULL,
    after_round INTEGER      NOT NULL REFERENCES ledger_round (seq),
    measures    TEXT         NOT NULL,
    responsible VARCHAR(200) NOT NULL,
    done_on     CHAR(10),
    status_text TEXT         NOT NULL,
    claimed_by  VARCHAR(200) NOT NULL,
    claimed_at  VARCHAR(40)  NOT NULL,
    source      VARCHAR(600) NOT NULL
);
CREATE INDEX ledger_claim_by_fingerprint ON ledger_claim (fingerprint);

-- The evidence files of a claim (佐证材料), stored by content hash beside the database.
CREATE TABLE ledger_evidence (
    claim_seq INTEGER      NOT NULL REFERENCES ledger_claim (seq),
    sha256    CHAR(64)     NOT NULL,
    name      VARCHAR(300) NOT NULL,
    bytes     BIGINT       NOT NULL,
    PRIMARY KEY (claim_seq, sha256)
);

-- The office's review of a claim: accepted (销号) or returned (退回).
CREATE TABLE ledger_review (
    seq         INTEGER      NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64)  NOT NULL,
    claim_seq   INTEGER      NOT NULL REFERENCES ledger_claim (seq),
    after_round INTEGER      NOT NULL REFERENCES ledger_round (seq),
    verdict     VARCHAR(10)  NOT NULL CHECK (verdict IN ('accept', 'return')),
    reviewed_by VARCHAR(200) NOT NULL,
    reviewed_on CHAR(10)     NOT NULL,
    reviewed_at VARCHAR(40)  NOT NULL,
    note        TEXT         NOT NULL
);
CREATE INDEX ledger_review_by_fingerprint ON ledger_review (fingerprint);
