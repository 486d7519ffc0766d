-- 0014 what the SSDA903 return needs and the record did not hold: who
-- adopted a child, recorded with the adoption order (AD1 FOSTER_CARE,
-- NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR; blank or 0 when not recorded), and
-- whether a girl or young woman is a mother with her first child's date
-- of birth (Header MOTHER, MC_DOB; blank when not recorded).
ALTER TABLE permanence_plans ADD COLUMN adopters_foster_carers TEXT NOT NULL DEFAULT '';
ALTER TABLE permanence_plans ADD COLUMN adopters_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE permanence_plans ADD COLUMN adopters_sex TEXT NOT NULL DEFAULT '';
ALTER TABLE permanence_plans ADD COLUMN adopters_status TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN mother TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN first_child_born DATE;
