-- 0011 extensions of the 26-week timetable of care proceedings (Children
-- Act 1989 s.32(5)): each up to 8 weeks, granted by the court on a day,
-- for a reason; the case's target date moves by each one. Nothing is
-- deleted (error_reason marks a row entered in error).

CREATE TABLE proceedings_extensions (
    id             INTEGER PRIMARY KEY,
    child_id       BIGINT NOT NULL REFERENCES children(id),
    proceedings_id BIGINT NOT NULL REFERENCES proceedings(id),
    weeks          INTEGER NOT NULL,
    granted_on     TEXT NOT NULL,
    reason         TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    error_reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proceedings_extensions_child ON proceedings_extensions(child_id, granted_on);
CREATE INDEX proceedings_extensions_proceedings ON proceedings_extensions(proceedings_id);
