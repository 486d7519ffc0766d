-- 0018 the postcode directory: where each postcode is, as the ONS
-- Postcode Directory gives it (or, for a generated authority, its own
-- fictional geography). The DfE works the SSDA903 fields PL_LA,
-- PL_LOCATION and PL_DISTANCE out from the home and placement postcodes;
-- sightline looks them up here to check the return before it is sent.
-- postcode is in capitals without spaces; area is the ONS code of the
-- upper-tier local authority (or SCO, WAL, NIR outside England, blank
-- when the directory names none); easting and northing are the Ordnance
-- Survey grid reference in metres, NULL when the directory gives none.
CREATE TABLE postcode_places (
    postcode   TEXT PRIMARY KEY,
    area       TEXT NOT NULL,
    easting    INTEGER,
    northing   INTEGER,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT NOT NULL
);
