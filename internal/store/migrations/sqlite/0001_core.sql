-- 0001 core: the child, the organisation, accounts, the history chain.
-- Civil dates are TEXT 'YYYY-MM-DD'; instants are TEXT
-- 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC, so text order is time order. Editable rows carry
-- a version for optimistic locking and who last changed them.

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE workers (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    email           TEXT NOT NULL DEFAULT '',
    job_role        TEXT NOT NULL DEFAULT '',
    team_id         BIGINT REFERENCES teams(id),
    fte             REAL NOT NULL DEFAULT 1,
    employment_type TEXT NOT NULL DEFAULT 'permanent',
    newly_qualified INTEGER NOT NULL DEFAULT 0,
    start_date      TEXT NOT NULL,
    end_date        TEXT,
    synthetic       INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE INDEX workers_team ON workers(team_id);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    worker_id     BIGINT REFERENCES workers(id),
    team_id       BIGINT REFERENCES teams(id),
    disabled      INTEGER NOT NULL DEFAULT 0,
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    ended_at    TEXT,
    address     TEXT NOT NULL DEFAULT '',
    user_agent  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
    id       INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    address  TEXT NOT NULL,
    at       TEXT NOT NULL,
    ok       INTEGER NOT NULL
);
CREATE INDEX login_attempts_user ON login_attempts(username, at);
CREATE INDEX login_attempts_address ON login_attempts(address, at);

-- Form input kept when a session ended mid-form, so no typing is lost.
CREATE TABLE drafts (
    user_id  BIGINT NOT NULL REFERENCES users(id),
    path     TEXT NOT NULL,
    form     TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (user_id, path)
);

CREATE TABLE children (
    id             INTEGER PRIMARY KEY,
    la_child_id    TEXT NOT NULL UNIQUE,
    upn            TEXT NOT NULL DEFAULT '',
    former_upn     TEXT NOT NULL DEFAULT '',
    upn_unknown    TEXT NOT NULL DEFAULT '',
    nhs_number     TEXT NOT NULL DEFAULT '',
    uci            TEXT NOT NULL DEFAULT '',
    first_name     TEXT NOT NULL DEFAULT '',
    last_name      TEXT NOT NULL DEFAULT '',
    known_as       TEXT NOT NULL DEFAULT '',
    search_key     TEXT NOT NULL DEFAULT '',
    date_of_birth  TEXT,
    expected_birth TEXT,
    sex            TEXT NOT NULL,
    gender         TEXT NOT NULL DEFAULT '',
    ethnicity      TEXT NOT NULL DEFAULT '',
    disabilities   TEXT NOT NULL DEFAULT '',
    date_of_death  TEXT,
    restricted     INTEGER NOT NULL DEFAULT 0,
    synthetic      INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
);
CREATE INDEX children_upn ON children(upn);
CREATE INDEX children_nhs ON children(nhs_number);
CREATE INDEX children_dob ON children(date_of_birth);

-- Users named on a restricted child's record: only they may open it.
CREATE TABLE child_access (
    child_id BIGINT NOT NULL REFERENCES children(id),
    user_id  BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (child_id, user_id)
);

CREATE TABLE addresses (
    id         INTEGER PRIMARY KEY,
    child_id   BIGINT NOT NULL REFERENCES children(id),
    line1      TEXT NOT NULL DEFAULT '',
    line2      TEXT NOT NULL DEFAULT '',
    town       TEXT NOT NULL DEFAULT '',
    postcode   TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL,
    end_date   TEXT,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX addresses_child ON addresses(child_id);

CREATE TABLE relationships (
    id               INTEGER PRIMARY KEY,
    child_id         BIGINT NOT NULL REFERENCES children(id),
    kind             TEXT NOT NULL,
    relationship     TEXT NOT NULL,
    related_child_id BIGINT REFERENCES children(id),
    name             TEXT NOT NULL DEFAULT '',
    organisation     TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    start_date       TEXT,
    end_date         TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    error_reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX relationships_child ON relationships(child_id);

CREATE TABLE involvements (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    start_date   TEXT NOT NULL,
    end_date     TEXT,
    end_reason   TEXT NOT NULL DEFAULT '',
    team_id      BIGINT REFERENCES teams(id),
    worker_id    BIGINT REFERENCES workers(id),
    allocated_on TEXT,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX involvements_child ON involvements(child_id);
CREATE INDEX involvements_worker ON involvements(worker_id);

-- Every allocation of an involvement to a worker, dated, so caseloads can be
-- counted as at any past date.
CREATE TABLE allocations (
    id             INTEGER PRIMARY KEY,
    involvement_id BIGINT NOT NULL REFERENCES involvements(id),
    team_id        BIGINT REFERENCES teams(id),
    worker_id      BIGINT REFERENCES workers(id),
    start_date     TEXT NOT NULL,
    end_date       TEXT,
    reason         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX allocations_involvement ON allocations(involvement_id);

CREATE TABLE case_notes (
    id             INTEGER PRIMARY KEY,
    child_id       BIGINT NOT NULL REFERENCES children(id),
    involvement_id BIGINT REFERENCES involvements(id),
    note_date      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    subject        TEXT NOT NULL,
    body           TEXT NOT NULL,
    author_id      BIGINT NOT NULL REFERENCES users(id),
    created_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    error_reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_notes_child ON case_notes(child_id, note_date);

-- Who opened which child's record, when and from where.
CREATE TABLE access_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    user_id  BIGINT NOT NULL REFERENCES users(id),
    child_id BIGINT NOT NULL REFERENCES children(id),
    action   TEXT NOT NULL,
    address  TEXT NOT NULL DEFAULT '',
    path     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access_log_child ON access_log(child_id, at);
CREATE INDEX access_log_user ON access_log(user_id, at);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

-- Bank holidays added by an administrator after the release (e.g. one
-- announced ten days ahead); the embedded table holds the rest.
CREATE TABLE added_holidays (
    day        TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    added_by   TEXT NOT NULL
);

-- The append-only, hash-chained history of every write.
CREATE TABLE history (
    seq         BIGINT PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    BIGINT NOT NULL,
    actor_name  TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    action      TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX history_entity ON history(entity, entity_id);

-- The last link of the chain; locking this row orders concurrent writers.
CREATE TABLE history_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO history_head (id, seq, hash) VALUES (1, 0, '');
