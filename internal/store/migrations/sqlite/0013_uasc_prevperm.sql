-- 0013 two facts the SSDA903 return and Annex A need. On the child: whether
-- they are or were an unaccompanied asylum-seeking child, and the day that
-- status ceased (DUC; on or before the 18th birthday). On each period of
-- care: the permanence the child had before coming into care (PREV_PERM,
-- blank when not recorded), the authority that arranged it (LA_PERM) and
-- the date of the order (DATE_PERM, YYYY-MM-DD with ZZ or ZZZZ for a part
-- not known).
ALTER TABLE children ADD COLUMN uasc INTEGER NOT NULL DEFAULT 0;
ALTER TABLE children ADD COLUMN uasc_ceased TEXT;
ALTER TABLE care_episodes ADD COLUMN prev_perm TEXT NOT NULL DEFAULT '';
ALTER TABLE care_episodes ADD COLUMN prev_perm_la TEXT NOT NULL DEFAULT '';
ALTER TABLE care_episodes ADD COLUMN prev_perm_date TEXT NOT NULL DEFAULT '';
