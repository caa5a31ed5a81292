-- 0005: results exchange. Every record a laptop exports is append-only with a UUID, so merging
-- laptops is a union by id. What people change later (a learner's language, a workshop's city)
-- becomes an edit record, kept with its origin; the latest edit is shown (see exchange::merge).

-- A profile keeps the values it was created with; changes are edits.
CREATE TABLE profile_edits (
    id         TEXT PRIMARY KEY,               -- UUID
    profile_id TEXT NOT NULL REFERENCES profiles(id),
    field      TEXT NOT NULL CHECK (field IN ('display_name', 'locale')),
    value      TEXT NOT NULL,
    seq        INTEGER NOT NULL CHECK (seq >= 1), -- 1 + the highest seq known for this field when made
    at_ms      INTEGER NOT NULL,
    origin     TEXT NOT NULL                   -- the laptop's name when the edit was made
) STRICT;

CREATE INDEX profile_edits_by_profile ON profile_edits (profile_id, field, seq);

-- A trainer's details of a workshop, as one edit of all four fields.
CREATE TABLE workshop_edits (
    id          TEXT PRIMARY KEY,              -- UUID
    workshop_id TEXT NOT NULL REFERENCES workshops(id),
    city        TEXT NOT NULL,
    host        TEXT NOT NULL,
    start_date  TEXT NOT NULL,                 -- YYYY-MM-DD or empty
    end_date    TEXT NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    at_ms       INTEGER NOT NULL,
    origin      TEXT NOT NULL
) STRICT;

CREATE INDEX workshop_edits_by_workshop ON workshop_edits (workshop_id, seq);

-- Details entered before this version become the first edit of their workshop.
INSERT INTO workshop_edits (id, workshop_id, city, host, start_date, end_date, seq, at_ms, origin)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
       substr(lower(hex(randomblob(2))), 2) || '-' ||
       substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||
       lower(hex(randomblob(6))),
       id, city, host, start_date, end_date, 1, edited_at_ms, ''
FROM workshops WHERE edited_at_ms IS NOT NULL;

ALTER TABLE workshops DROP COLUMN city;
ALTER TABLE workshops DROP COLUMN host;
ALTER TABLE workshops DROP COLUMN start_date;
ALTER TABLE workshops DROP COLUMN end_date;
ALTER TABLE workshops DROP COLUMN edited_at_ms;

-- A learner may hold certificates for one workshop from several laptops: all are kept.
CREATE TABLE certificates_0005 (
    id           TEXT PRIMARY KEY,
    profile_id   TEXT NOT NULL REFERENCES profiles(id),
    workshop_id  TEXT NOT NULL REFERENCES workshops(id),
    payload      TEXT NOT NULL,
    issued_at_ms INTEGER NOT NULL
) STRICT;
INSERT INTO certificates_0005 SELECT id, profile_id, workshop_id, payload, issued_at_ms FROM certificates;
DROP TABLE certificates;
ALTER TABLE certificates_0005 RENAME TO certificates;
CREATE INDEX certificates_by_learner ON certificates (profile_id, workshop_id, issued_at_ms);
CREATE TRIGGER certificates_append_only_u BEFORE UPDATE ON certificates
BEGIN SELECT RAISE(ABORT, 'certificates are append-only'); END;
CREATE TRIGGER certificates_append_only_d BEFORE DELETE ON certificates
BEGIN SELECT RAISE(ABORT, 'certificates are append-only'); END;

-- Profiles, edits and the import log are append-only too.
CREATE TRIGGER profiles_append_only_u BEFORE UPDATE ON profiles
BEGIN SELECT RAISE(ABORT, 'profiles are append-only: a change is a profile edit'); END;
CREATE TRIGGER profiles_append_only_d BEFORE DELETE ON profiles
BEGIN SELECT RAISE(ABORT, 'profiles are append-only'); END;
CREATE TRIGGER profile_edits_append_only_u BEFORE UPDATE ON profile_edits
BEGIN SELECT RAISE(ABORT, 'profile edits are append-only'); END;
CREATE TRIGGER profile_edits_append_only_d BEFORE DELETE ON profile_edits
BEGIN SELECT RAISE(ABORT, 'profile edits are append-only'); END;
CREATE TRIGGER workshop_edits_append_only_u BEFORE UPDATE ON workshop_edits
BEGIN SELECT RAISE(ABORT, 'workshop edits are append-only'); END;
CREATE TRIGGER workshop_edits_append_only_d BEFORE DELETE ON workshop_edits
BEGIN SELECT RAISE(ABORT, 'workshop edits are append-only'); END;

-- Every results file imported here: what it was, who signed it, what it added. Local to this
-- laptop: never exported, and left out of the data digest.
CREATE TABLE import_log (
    id             INTEGER PRIMARY KEY,
    digest         TEXT NOT NULL,              -- SHA-256 of the file's signed body, hex
    file_name      TEXT NOT NULL,
    signer         TEXT NOT NULL,              -- fingerprint of the signing key
    signer_label   TEXT NOT NULL,              -- the name it is trusted under here
    laptop         TEXT NOT NULL,              -- the laptop name the file gives
    scope          TEXT NOT NULL,              -- all / workshop:ID / profile:ID
    exported_at_ms INTEGER NOT NULL,
    imported_at_ms INTEGER NOT NULL,
    learners_new   INTEGER NOT NULL,
    learners_known INTEGER NOT NULL,
    records_new    INTEGER NOT NULL,
    records_known  INTEGER NOT NULL
) STRICT;

CREATE INDEX import_log_by_digest ON import_log (digest);
CREATE TRIGGER import_log_append_only_u BEFORE UPDATE ON import_log
BEGIN SELECT RAISE(ABORT, 'the import log is append-only'); END;
CREATE TRIGGER import_log_append_only_d BEFORE DELETE ON import_log
BEGIN SELECT RAISE(ABORT, 'the import log is append-only'); END;
