-- 0006 children in care: periods of care (SSDA903 episodes chain into
-- them), the legal statuses and placements within each, the dated work
-- the timescales count (care plan, reviews, health, dental, PEP), and
-- family-time arrangements. Every editable row carries a version.

CREATE TABLE care_episodes (
    id               INTEGER PRIMARY KEY,
    child_id         BIGINT NOT NULL REFERENCES children(id),
    start_date       TEXT NOT NULL,
    reason           TEXT NOT NULL,
    category_of_need TEXT NOT NULL,
    iro              TEXT NOT NULL DEFAULT '',
    end_date         TEXT,
    end_reason       TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    error_reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_episodes_child ON care_episodes(child_id, start_date);
-- who was looked after on a date, or left care after it (the sufficiency
-- page): the open ones (end_date NULL) and those ended since, by end first
CREATE INDEX care_episodes_dates ON care_episodes(end_date, start_date);

CREATE TABLE care_legal_statuses (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    episode_id   BIGINT NOT NULL REFERENCES care_episodes(id),
    start_date   TEXT NOT NULL,
    code         TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_legal_statuses_child ON care_legal_statuses(child_id, start_date);

CREATE TABLE care_placements (
    id             INTEGER PRIMARY KEY,
    child_id       BIGINT NOT NULL REFERENCES children(id),
    episode_id     BIGINT NOT NULL REFERENCES care_episodes(id),
    start_date     TEXT NOT NULL,
    end_date       TEXT,
    place_type     TEXT NOT NULL,
    provider       TEXT NOT NULL DEFAULT '',
    postcode       TEXT NOT NULL,
    distance_miles REAL NOT NULL DEFAULT 0,
    in_area        INTEGER NOT NULL DEFAULT 1,
    school_move    INTEGER NOT NULL DEFAULT 0,
    change_reason  TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    error_reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_placements_child ON care_placements(child_id, start_date);
CREATE INDEX care_placements_dates ON care_placements(end_date, start_date);

CREATE TABLE care_events (
    id            INTEGER PRIMARY KEY,
    child_id      BIGINT NOT NULL REFERENCES children(id),
    episode_id    BIGINT NOT NULL REFERENCES care_episodes(id),
    kind          TEXT NOT NULL,
    held_on       TEXT NOT NULL,
    iro           TEXT NOT NULL DEFAULT '',
    participation TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    error_reason  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_events_child ON care_events(child_id, held_on);

CREATE TABLE family_time (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    episode_id   BIGINT NOT NULL REFERENCES care_episodes(id),
    start_date   TEXT NOT NULL,
    end_date     TEXT,
    with_whom    TEXT NOT NULL,
    frequency    TEXT NOT NULL,
    supervised   INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX family_time_child ON family_time(child_id, start_date);
CREATE INDEX family_time_dates ON family_time(end_date, start_date);
