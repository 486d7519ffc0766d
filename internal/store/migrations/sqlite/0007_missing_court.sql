-- 0007 missing children, exploitation and court work. Every editable row
-- carries a version; nothing is deleted (error_reason marks a row entered
-- in error).

-- A missing or away-without-authorisation period (SSDA903 Missing: MISSING,
-- MIS_START, MIS_END), from home or from care.
CREATE TABLE missing_episodes (
    id                 INTEGER PRIMARY KEY,
    child_id           BIGINT NOT NULL REFERENCES children(id),
    missing_from       TEXT NOT NULL,
    kind               TEXT NOT NULL,
    start_date         TEXT NOT NULL,
    end_date           TEXT,
    reported_to_police INTEGER NOT NULL DEFAULT 0,
    where_found        TEXT NOT NULL DEFAULT '',
    version            INTEGER NOT NULL DEFAULT 1,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL,
    error_reason       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX missing_episodes_child ON missing_episodes(child_id, start_date);
-- the missing view: episodes of a period, and those open on a day
CREATE INDEX missing_episodes_start ON missing_episodes(start_date, end_date);

CREATE TABLE return_interviews (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    episode_id   BIGINT NOT NULL REFERENCES missing_episodes(id),
    offered_on   TEXT NOT NULL,
    held_on      TEXT,
    declined     INTEGER NOT NULL DEFAULT 0,
    held_by      TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX return_interviews_child ON return_interviews(child_id);
CREATE INDEX return_interviews_episode ON return_interviews(episode_id);

-- kinds: comma-separated codes of casework.ExploitationKinds
CREATE TABLE exploitation_screenings (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    screened_on  TEXT NOT NULL,
    kinds        TEXT NOT NULL DEFAULT '',
    risk_level   TEXT NOT NULL,
    review_date  TEXT,
    lead         TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exploitation_screenings_child ON exploitation_screenings(child_id, screened_on);
CREATE INDEX exploitation_screenings_date ON exploitation_screenings(screened_on);

-- Public law outline pre-proceedings, their letters and meetings.
CREATE TABLE pre_proceedings (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    start_date   TEXT NOT NULL,
    end_date     TEXT,
    outcome      TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pre_proceedings_child ON pre_proceedings(child_id, start_date);
CREATE INDEX pre_proceedings_open ON pre_proceedings(end_date, start_date);

CREATE TABLE plo_events (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    plo_id       BIGINT NOT NULL REFERENCES pre_proceedings(id),
    kind         TEXT NOT NULL,
    held_on      TEXT NOT NULL,
    notes        TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plo_events_child ON plo_events(child_id, held_on);

-- Care or supervision proceedings (Children Act 1989 s.31), from issue to
-- the final hearing.
CREATE TABLE proceedings (
    id             INTEGER PRIMARY KEY,
    child_id       BIGINT NOT NULL REFERENCES children(id),
    plo_id         BIGINT REFERENCES pre_proceedings(id),
    issued_on      TEXT NOT NULL,
    court          TEXT NOT NULL,
    application    TEXT NOT NULL,
    expected_final TEXT,
    final_hearing  TEXT,
    final_order    TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    error_reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proceedings_child ON proceedings(child_id, issued_on);
CREATE INDEX proceedings_open ON proceedings(final_hearing, issued_on);

CREATE TABLE hearings (
    id             INTEGER PRIMARY KEY,
    child_id       BIGINT NOT NULL REFERENCES children(id),
    proceedings_id BIGINT NOT NULL REFERENCES proceedings(id),
    kind           TEXT NOT NULL,
    held_on        TEXT NOT NULL,
    outcome        TEXT NOT NULL DEFAULT '',
    final_order    TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    error_reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX hearings_child ON hearings(child_id, held_on);
CREATE INDEX hearings_proceedings ON hearings(proceedings_id);
