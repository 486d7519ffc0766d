-- 0009 care leavers and permanence. care_started / care_ended record the
-- period of care as the worker knows it, for care that began before the
-- authority kept care episodes here; a recorded care episode wins (store
-- LookedAfterDates is the one reader). Every row
-- carries a version and is marked in error, never deleted.

CREATE TABLE care_leavers (
    id             INTEGER PRIMARY KEY,
    child_id       BIGINT NOT NULL REFERENCES children(id),
    category       TEXT NOT NULL,
    from_date      TEXT NOT NULL,
    care_started   TEXT,
    care_ended     TEXT,
    adviser        TEXT NOT NULL DEFAULT '',
    adviser_from   TEXT,
    services_ended TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    error_reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_leavers_child ON care_leavers(child_id);

CREATE TABLE pathway_records (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    kind         TEXT NOT NULL,
    held_on      TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pathway_records_child ON pathway_records(child_id, held_on);

-- Contact with a care leaver; birthday 17-21 marks the SSDA903 OC3 record
-- of that birthday (in_touch, activity, accom as the return codes them).
CREATE TABLE leaver_contacts (
    id           INTEGER PRIMARY KEY,
    child_id     BIGINT NOT NULL REFERENCES children(id),
    contact_date TEXT NOT NULL,
    birthday     INTEGER NOT NULL DEFAULT 0,
    in_touch     TEXT NOT NULL,
    activity     TEXT NOT NULL DEFAULT '',
    accom        TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    error_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX leaver_contacts_child ON leaver_contacts(child_id, contact_date);

-- A permanence plan and, for adoption, each stage's date (SSDA903
-- PlacedAdoption and AD1); for a special guardianship or child
-- arrangements order, the order and its SSDA903 reason (E41, E45-E48).
CREATE TABLE permanence_plans (
    id               INTEGER PRIMARY KEY,
    child_id         BIGINT NOT NULL REFERENCES children(id),
    plan             TEXT NOT NULL,
    decided_on       TEXT NOT NULL,
    care_started     TEXT,
    should_be_placed TEXT,
    placement_order  TEXT,
    matched          TEXT,
    placed           TEXT,
    adoption_order   TEXT,
    reversed         TEXT,
    reversed_reason  TEXT NOT NULL DEFAULT '',
    order_made       TEXT,
    order_reason     TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    error_reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX permanence_plans_child ON permanence_plans(child_id);
