-- The workspace's users and its audit log. A user's row is added once; a change of password or of
-- units is a new row of its own (the latest counts), so that the audit log can say who had what when.

CREATE TABLE workspace_user (
    seq           INTEGER      NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('admin', 'inspector', 'clerk', 'disabled')),
    password_hash VARCHAR(300) NOT NULL,
    units         TEXT         NOT NULL,
    made_at       VARCHAR(40)  NOT NULL,
    made_by       VARCHAR(100) NOT NULL
);
CREATE INDEX workspace_user_by_name ON workspace_user (name);

-- Every change made through the workspace or the user command: who, when, what.
CREATE TABLE workspace_audit (
    seq    INTEGER      NOT NULL PRIMARY KEY,
    at     VARCHAR(40)  NOT NULL,
    who    VARCHAR(100) NOT NULL,
    action VARCHAR(60)  NOT NULL,
    detail TEXT         NOT NULL
);
