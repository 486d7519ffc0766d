-- 0002 help and protection: the front door to closure. Each table keeps the
-- CIN census items it holds; every editable row carries a version.

CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    child_id       BIGINT NOT NULL REFERENCES children(id),
    received_at    TEXT NOT NULL,
    contact_date   TEXT NOT NULL,
    source         TEXT NOT NULL,
    source_detail  TEXT NOT NULL DEFAULT '',
    concerns       TEXT NOT NULL,
    out_of_hours   INTEGER NOT NULL DEFAULT 0,
    decision       TEXT NOT NULL DEFAULT '',
    decision_date  TEXT,
    decision_by    TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    referral_id    BIGINT,
    recorded_by    TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    error_reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_child ON contacts(child_id, contact_date);
CREATE INDEX contacts_undecided ON contacts(decision, contact_date);
-- the emergency duty team's overnight contacts, read each morning
CREATE INDEX contacts_received ON contacts(received_at);

-- A referral starts a CIN census episode (CINdetails); closure ends it.
CREATE TABLE referrals (
    id              INTEGER PRIMARY KEY,
    child_id        BIGINT NOT NULL REFERENCES children(id),
    involvement_id  BIGINT REFERENCES involvements(id),
    contact_id      BIGINT REFERENCES contacts(id),
    referral_date   TEXT NOT NULL,
    source          TEXT NOT NULL,
    primary_need    TEXT NOT NULL DEFAULT '',
    decision        TEXT NOT NULL DEFAULT '',
    decision_date   TEXT,
    nfa             INTEGER NOT NULL DEFAULT 0,
    nfa_reason      TEXT NOT NULL DEFAULT '',
    nfa_approved_by TEXT NOT NULL DEFAULT '',
    nfa_approved_at TEXT,
    closure_date    TEXT,
    closure_reason  TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    error_reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referrals_child ON referrals(child_id, referral_date);
CREATE INDEX referrals_date ON referrals(referral_date);
-- NFA decisions awaiting a manager's approval
CREATE INDEX referrals_decision ON referrals(decision, nfa);

CREATE TABLE assessments (
    id              INTEGER PRIMARY KEY,
    child_id        BIGINT NOT NULL REFERENCES children(id),
    referral_id     BIGINT NOT NULL REFERENCES referrals(id),
    start_date      TEXT NOT NULL,
    factors         TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT '',
    completed_date  TEXT,
    authorised_date TEXT,
    authorised_by   TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    error_reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessments_child ON assessments(child_id);
CREATE INDEX assessments_referral ON assessments(referral_id);
-- completed assessments awaiting authorisation
CREATE INDEX assessments_awaiting ON assessments(authorised_date, completed_date);

CREATE TABLE strategy_discussions (
    id            INTEGER PRIMARY KEY,
    child_id      BIGINT NOT NULL REFERENCES children(id),
    referral_id   BIGINT NOT NULL REFERENCES referrals(id),
    held_on       TEXT NOT NULL,
    initiated_s47 INTEGER NOT NULL DEFAULT 0,
    attendees     TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    error_reason  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX strategy_child ON strategy_discussions(child_id);

CREATE TABLE s47_enquiries (
    id                INTEGER PRIMARY KEY,
    child_id          BIGINT NOT NULL REFERENCES children(id),
    referral_id       BIGINT NOT NULL REFERENCES referrals(id),
    strategy_id       BIGINT REFERENCES strategy_discussions(id),
    start_date        TEXT NOT NULL,
    end_date          TEXT,
    outcome           TEXT NOT NULL DEFAULT '',
    icpc_not_required INTEGER NOT NULL DEFAULT 0,
    version           INTEGER NOT NULL DEFAULT 1,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL,
    error_reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX s47_child ON s47_enquiries(child_id);

CREATE TABLE cp_plans (
    id               INTEGER PRIMARY KEY,
    child_id         BIGINT NOT NULL REFERENCES children(id),
    referral_id      BIGINT NOT NULL REFERENCES referrals(id),
    conference_id    BIGINT,
    start_date       TEXT NOT NULL,
    end_date         TEXT,
    initial_category TEXT NOT NULL,
    latest_category  TEXT NOT NULL,
    end_reason       TEXT NOT NULL DEFAULT '',
    previous_plans   INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 1,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    error_reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cp_plans_child ON cp_plans(child_id);
CREATE INDEX cp_plans_dates ON cp_plans(start_date, end_date);

CREATE TABLE conferences (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    kind         TEXT NOT NULL,
    s47_id       BIGINT REFERENCES s47_enquiries(id),
    plan_id      BIGINT REFERENCES cp_plans(id),
    held_on      TEXT NOT NULL,
    decision     TEXT NOT NULL,
    category     TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conferences_child ON conferences(child_id);

CREATE TABLE core_groups (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    plan_id      BIGINT NOT NULL REFERENCES cp_plans(id),
    held_on      TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX core_groups_child ON core_groups(child_id);

CREATE TABLE visits (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    visit_date   TEXT NOT NULL,
    kind         TEXT NOT NULL,
    seen         INTEGER NOT NULL,
    seen_alone   INTEGER NOT NULL,
    place        TEXT NOT NULL,
    notes        TEXT NOT NULL DEFAULT '',
    -- who visited: kept apart from updated_by, which a later correction changes
    visited_by   TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX visits_child ON visits(child_id, visit_date);
CREATE INDEX visits_date ON visits(visit_date);

CREATE TABLE cin_plans (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    referral_id  BIGINT NOT NULL REFERENCES referrals(id),
    start_date   TEXT NOT NULL,
    end_date     TEXT,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cin_plans_child ON cin_plans(child_id);

CREATE TABLE cin_plan_reviews (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    plan_id      BIGINT NOT NULL REFERENCES cin_plans(id),
    held_on      TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cin_plan_reviews_child ON cin_plan_reviews(child_id);

-- The team view loads every open case of a team on each page view.
CREATE INDEX involvements_team ON involvements(team_id);
