-- 0015 why a case changed hands as a code (SSDA903 SW_REASON: MANAGE,
-- FCONTA, LEFTRL, ORGRST, TSPROC, ABSENC, CHCHAN, PCCHAN, SWDIED, OTHERS)
-- beside the free-text reason, now a note; '' for allocations recorded
-- before the code was asked for, whose reason the return reads by its
-- words.
ALTER TABLE allocations ADD COLUMN reason_code TEXT NOT NULL DEFAULT '';
