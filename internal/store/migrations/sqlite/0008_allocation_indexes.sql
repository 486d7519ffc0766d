-- 0008 indexes for the views that read the whole service as at one day
-- (allocation queue, caseloads, drift), each run per page view.
-- Who held each open involvement on a day: the allocations covering the
-- day (end_date IS NULL OR end_date > day, as involvements_open), found
-- and read from the index alone rather than by reading every allocation
-- ever made or one index probe per open involvement.
CREATE INDEX allocations_held ON allocations(end_date, start_date, involvement_id, team_id, worker_id);
-- The same read driven from the open involvements (SQLite's choice): one
-- probe per involvement, answered from the index alone. It starts with
-- involvement_id, so it replaces the plain index on that column.
CREATE INDEX allocations_cover ON allocations(involvement_id, start_date, end_date, team_id, worker_id);
DROP INDEX allocations_involvement;
-- Sibling groups of the open children: only the family links between
-- children, which are a third of all relationships.
CREATE INDEX relationships_family ON relationships(child_id, related_child_id)
    WHERE kind = 'family' AND related_child_id IS NOT NULL AND error_reason = '';
-- Plans and enquiries in force on a day for each open child, read from
-- the index alone.
CREATE INDEX cp_plans_in_force ON cp_plans(child_id, start_date, end_date, error_reason);
CREATE INDEX s47_in_force ON s47_enquiries(child_id, start_date, end_date, error_reason);
CREATE INDEX cin_plans_in_force ON cin_plans(child_id, start_date, end_date, error_reason);
