-- 0010 the improvement plan: Ofsted's recommendations, the actions taken
-- on each (owner, due date, status, a rating set by hand with its reason),
-- the evidence that shows whether they work (an indicator from the
-- catalogue, or what case-file audits found) and progress notes; and the
-- improvement board's commentary, one per report date. Nothing is deleted:
-- a row entered in error keeps its reason.

CREATE TABLE improvement_recommendations (
    id              INTEGER PRIMARY KEY,
    text            TEXT NOT NULL,
    source          TEXT NOT NULL,
    inspection_date TEXT NOT NULL,
    theme           TEXT NOT NULL,
    error_reason    TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);

CREATE TABLE improvement_actions (
    id                INTEGER PRIMARY KEY,
    recommendation_id BIGINT NOT NULL REFERENCES improvement_recommendations(id),
    description       TEXT NOT NULL,
    owner_user_id     BIGINT REFERENCES users(id),
    owner_name        TEXT NOT NULL,
    due_date          TEXT NOT NULL,
    status            TEXT NOT NULL,
    completed_on      TEXT,
    rag_override      TEXT NOT NULL DEFAULT '',
    override_reason   TEXT NOT NULL DEFAULT '',
    error_reason      TEXT NOT NULL DEFAULT '',
    version           INTEGER NOT NULL DEFAULT 1,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL
);
CREATE INDEX improvement_actions_rec ON improvement_actions(recommendation_id);

CREATE TABLE improvement_evidence (
    id           INTEGER PRIMARY KEY,
    action_id    BIGINT NOT NULL REFERENCES improvement_actions(id),
    kind         TEXT NOT NULL,
    indicator_id TEXT NOT NULL DEFAULT '',
    audit_theme  TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    error_reason TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE INDEX improvement_evidence_action ON improvement_evidence(action_id);

CREATE TABLE improvement_notes (
    id           INTEGER PRIMARY KEY,
    action_id    BIGINT NOT NULL REFERENCES improvement_actions(id),
    note_date    TEXT NOT NULL,
    author       TEXT NOT NULL,
    text         TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE INDEX improvement_notes_action ON improvement_notes(action_id);

CREATE TABLE board_commentary (
    id          INTEGER PRIMARY KEY,
    report_date TEXT NOT NULL UNIQUE,
    text        TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
