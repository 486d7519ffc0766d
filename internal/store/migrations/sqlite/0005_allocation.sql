-- 0005 allocation, caseloads and drift. Each reads the involvements open at
-- the end of a day (start_date <= day AND (end_date IS NULL OR end_date >
-- day)), several times per page: this index finds them without reading
-- every involvement ever opened, and covers the columns those reads need.
CREATE INDEX involvements_open ON involvements(end_date, start_date, child_id, error_reason);
