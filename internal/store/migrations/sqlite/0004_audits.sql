-- 0004 case-file audits: the authority's template of questions by theme,
-- random samples of a team's open cases, audits graded per question and
-- overall, actions with owners and due dates, and cases handed back to
-- their team for urgent action until resolved.

-- A template is never changed once saved, so each audit keeps the
-- questions it answered; changing the questions saves a new template and
-- puts it in use instead.
CREATE TABLE audit_templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    in_use     INTEGER NOT NULL DEFAULT 0,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE audit_questions (
    id          INTEGER PRIMARY KEY,
    template_id BIGINT NOT NULL REFERENCES audit_templates(id),
    position    INTEGER NOT NULL,
    theme       TEXT NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (template_id, position)
);

-- A random sample of one team's open cases. The seed is kept so the draw
-- can be repeated and checked; the children drawn are kept so the sample
-- shows the same however the team's cases change afterwards.
CREATE TABLE audit_samples (
    id       INTEGER PRIMARY KEY,
    team_id  BIGINT NOT NULL REFERENCES teams(id),
    size     INTEGER NOT NULL,
    seed     BIGINT NOT NULL,
    drawn_on TEXT NOT NULL,
    eligible INTEGER NOT NULL,
    drawn_by TEXT NOT NULL,
    drawn_at TEXT NOT NULL
);

CREATE TABLE audit_sample_children (
    sample_id BIGINT NOT NULL REFERENCES audit_samples(id),
    position  INTEGER NOT NULL,
    child_id  BIGINT NOT NULL REFERENCES children(id),
    PRIMARY KEY (sample_id, position)
);

CREATE TABLE audits (
    id            INTEGER PRIMARY KEY,
    child_id      BIGINT NOT NULL REFERENCES children(id),
    sample_id     BIGINT REFERENCES audit_samples(id),
    template_id   BIGINT NOT NULL REFERENCES audit_templates(id),
    team_id       BIGINT REFERENCES teams(id),
    auditor_id    BIGINT NOT NULL REFERENCES users(id),
    audit_date    TEXT NOT NULL,
    overall_grade TEXT NOT NULL,
    summary       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
-- a child's latest audit, for leaving recently audited cases out of samples
CREATE INDEX audits_child ON audits(child_id, audit_date);
CREATE INDEX audits_date ON audits(audit_date);
CREATE INDEX audits_sample ON audits(sample_id);

CREATE TABLE audit_answers (
    audit_id    BIGINT NOT NULL REFERENCES audits(id),
    question_id BIGINT NOT NULL REFERENCES audit_questions(id),
    grade       TEXT NOT NULL,
    comment     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (audit_id, question_id)
);

CREATE TABLE audit_actions (
    id         INTEGER PRIMARY KEY,
    audit_id   BIGINT NOT NULL REFERENCES audits(id),
    child_id   BIGINT NOT NULL REFERENCES children(id),
    text       TEXT NOT NULL,
    owner_id   BIGINT NOT NULL REFERENCES users(id),
    due_date   TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'open',
    done_on    TEXT,
    done_by_id BIGINT REFERENCES users(id),
    done_by    TEXT NOT NULL DEFAULT '',
    done_note  TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX audit_actions_audit ON audit_actions(audit_id);
-- outstanding actions, soonest due first
CREATE INDEX audit_actions_open ON audit_actions(status, due_date);

-- A case handed back to its team for urgent action: flagged on the child's
-- record and in lists while resolved_on is empty.
CREATE TABLE audit_handbacks (
    id             INTEGER PRIMARY KEY,
    audit_id       BIGINT NOT NULL UNIQUE REFERENCES audits(id),
    child_id       BIGINT NOT NULL REFERENCES children(id),
    reason         TEXT NOT NULL,
    owner_id       BIGINT NOT NULL REFERENCES users(id),
    due_date       TEXT NOT NULL,
    resolved_on    TEXT,
    resolved_by_id BIGINT REFERENCES users(id),
    resolved_by    TEXT NOT NULL DEFAULT '',
    resolution     TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
);
CREATE INDEX audit_handbacks_child ON audit_handbacks(child_id, resolved_on);
CREATE INDEX audit_handbacks_open ON audit_handbacks(resolved_on, due_date);

-- The default template, in use until the authority saves its own. It is
-- reference data like the history head, so it has no history event.
INSERT INTO audit_templates (name, in_use, updated_at, updated_by)
VALUES ('Case-file audit (sightline default)', 1, strftime('%Y-%m-%d %H:%M:%f000', 'now'), 'sightline');

INSERT INTO audit_questions (template_id, position, theme, text)
SELECT t.id, q.position, q.theme, q.text FROM audit_templates t, (
    SELECT 1 AS position, 'Voice of the child' AS theme, 'Is the child seen, and seen alone where appropriate, as often as their plan requires?' AS text
    UNION ALL SELECT 2, 'Voice of the child', 'Are the child''s wishes, feelings and daily life recorded in their own words, and do they shape the plan?'
    UNION ALL SELECT 3, 'Risk assessment', 'Is the assessment of risk and need up to date, analytical and informed by the history?'
    UNION ALL SELECT 4, 'Risk assessment', 'Are partner agencies'' information and views gathered and used?'
    UNION ALL SELECT 5, 'Plans and reviews', 'Is there a clear plan, with outcomes and timescales, that addresses the risks and needs identified?'
    UNION ALL SELECT 6, 'Plans and reviews', 'Is the plan reviewed on time, with progress measured against it?'
    UNION ALL SELECT 7, 'Timeliness', 'Were the key steps (referral decision, assessment, strategy discussion, conference) taken within timescales?'
    UNION ALL SELECT 8, 'Management oversight', 'Is there regular, recorded supervision and management oversight that gives clear direction?'
    UNION ALL SELECT 9, 'Management oversight', 'Are managers'' decisions reasoned on the record and followed through?'
    UNION ALL SELECT 10, 'Recording', 'Is the record up to date, and would the child understand what is written about them?'
) q WHERE t.in_use = 1;
