-- 0003 workforce: the register of funded posts and the staff who hold them
-- over time, with the items of the DfE children's social work workforce
-- census (CSWW). A worker row is one appointment; the census columns are
-- added to it rather than kept in a second table of people. Money is in
-- pence; census codes are kept as the census writes them ('1'…'10', 'SIC').

-- The establishment: each funded post, its census role and budgeted pay.
CREATE TABLE posts (
    id           INTEGER PRIMARY KEY,
    team_id      BIGINT NOT NULL REFERENCES teams(id),
    title        TEXT NOT NULL,
    org_role     TEXT NOT NULL,
    fte          REAL NOT NULL,
    funded_from  TEXT NOT NULL,
    funded_to    TEXT,
    salary_pence BIGINT NOT NULL DEFAULT 0,
    oncost_pct   REAL NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE INDEX posts_team ON posts(team_id);

ALTER TABLE workers ADD COLUMN post_id BIGINT REFERENCES posts(id);
ALTER TABLE workers ADD COLUMN org_role TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN swe_no TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN start_origin TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN leaving_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN leaver_destination TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN agency_name TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN day_rate_pence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE workers ADD COLUMN salary_pence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE workers ADD COLUMN oncost_pct REAL NOT NULL DEFAULT 0;
CREATE INDEX workers_post ON workers(post_id);

-- Each period a worker was away, with its census ReasonAbsence. days_lost
-- is the FTE working days lost as HR recorded them; NULL means work them
-- out from the calendar and the worker's FTE.
CREATE TABLE worker_absences (
    id         INTEGER PRIMARY KEY,
    worker_id  BIGINT NOT NULL REFERENCES workers(id),
    reason     TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT,
    days_lost  REAL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX worker_absences_worker ON worker_absences(worker_id, start_date);
