-- 0017 the Ofsted URN of a placement (SSDA903 Episodes URN), and the
-- register of placement providers it is chosen from: Ofsted-registered
-- settings (children's homes, fostering agencies…) with what the DfE's
-- provider information gives the rules that check a URN (219, 221, 224,
-- 227, 228, 229, 1008): the placement types (PLACE) and provider codes
-- (PLACE_PROVIDER) it takes, as space-separated codes, its postcode, the
-- DfE number of the authority it is in, and its registration and
-- closure dates. A placement's URN is text, not a foreign key: blank for
-- none, XXXXXXX for a setting not registered with Ofsted, and a return
-- from elsewhere may give URNs the register does not hold.
ALTER TABLE care_placements ADD COLUMN urn TEXT NOT NULL DEFAULT '';

CREATE TABLE placement_providers (
    id             INTEGER PRIMARY KEY,
    urn            TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    provider_type  TEXT NOT NULL,
    place_codes    TEXT NOT NULL,
    provider_codes TEXT NOT NULL,
    postcode       TEXT NOT NULL,
    la_code        TEXT NOT NULL,
    registered_on  TEXT NOT NULL,
    closed_on      TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
);
