-- 0016 what the SSDA903 OC2 file asks of a child looked after for a year
-- and the record did not hold: Strengths and Difficulties Questionnaires
-- (a score 0-40 or the reason none was completed, SDQ1-SDQ5),
-- convictions, final warnings or reprimands, checks that immunisations
-- are up to date, and substance misuse identified with the intervention
-- offered and received. One table of dated records with a kind (see
-- casework.CareOutcome): each is a dated fact about the child, shown,
-- corrected and read by the return the same way, and each kind uses only
-- a few of the columns.
CREATE TABLE care_outcomes (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    kind         TEXT NOT NULL,
    event_date   TEXT NOT NULL,
    sdq_score    INTEGER,
    sdq_reason   TEXT NOT NULL DEFAULT '',
    up_to_date   INTEGER NOT NULL DEFAULT 0,
    offered      INTEGER NOT NULL DEFAULT 0,
    offered_on   TEXT,
    received     INTEGER NOT NULL DEFAULT 0,
    received_on  TEXT,
    notes        TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_outcomes_child ON care_outcomes(child_id, event_date);
