-- 0004: workshops and certificates.
-- Seed-owned columns come from seeds/workshops.toml and are refreshed on upgrade; the
-- trainer-owned columns (city, host, dates) are written only by a trainer in the app.
CREATE TABLE workshops (
    id                  TEXT PRIMARY KEY,
    economy             TEXT NOT NULL,
    year                INTEGER NOT NULL,
    locales             TEXT NOT NULL,          -- comma-separated locale codes
    default_locale      TEXT NOT NULL,
    calendar            TEXT NOT NULL CHECK (calendar IN ('gregorian', 'buddhist', 'minguo')),
    utc_offset_min      INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -840 AND 840),
    required_modules    TEXT NOT NULL,          -- comma-separated module ids, or '*' for all
    pass_mark           INTEGER NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
    assessment_required INTEGER NOT NULL CHECK (assessment_required IN (0, 1)),
    city                TEXT NOT NULL DEFAULT '',
    host                TEXT NOT NULL DEFAULT '',
    start_date          TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD or empty
    end_date            TEXT NOT NULL DEFAULT '',
    edited_at_ms        INTEGER
) STRICT;

-- A learner belongs to one workshop: the latest enrolment counts.
CREATE TABLE enrolments (
    id          TEXT PRIMARY KEY,               -- UUID
    profile_id  TEXT NOT NULL REFERENCES profiles(id),
    workshop_id TEXT NOT NULL REFERENCES workshops(id),
    at_ms       INTEGER NOT NULL
) STRICT;

CREATE INDEX enrolments_by_profile ON enrolments (profile_id, at_ms);

-- This installation's ed25519 signing key: one row, created on first use.
CREATE TABLE issuer_key (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    secret        BLOB NOT NULL CHECK (length(secret) = 32),
    public        BLOB NOT NULL CHECK (length(public) = 32),
    created_at_ms INTEGER NOT NULL
) STRICT;

-- Other installations whose certificates this one trusts.
CREATE TABLE trusted_issuers (
    fingerprint    TEXT PRIMARY KEY,
    public         BLOB NOT NULL CHECK (length(public) = 32),
    label          TEXT NOT NULL,
    imported_at_ms INTEGER NOT NULL
) STRICT;

-- Certificates issued here. Issuing again gives back the same certificate.
CREATE TABLE certificates (
    id           TEXT PRIMARY KEY,
    profile_id   TEXT NOT NULL REFERENCES profiles(id),
    workshop_id  TEXT NOT NULL REFERENCES workshops(id),
    payload      TEXT NOT NULL,                 -- the signed payload printed in the QR code
    issued_at_ms INTEGER NOT NULL,
    UNIQUE (profile_id, workshop_id)
) STRICT;

CREATE TRIGGER enrolments_append_only_u BEFORE UPDATE ON enrolments
BEGIN SELECT RAISE(ABORT, 'enrolments are append-only'); END;
CREATE TRIGGER enrolments_append_only_d BEFORE DELETE ON enrolments
BEGIN SELECT RAISE(ABORT, 'enrolments are append-only'); END;
CREATE TRIGGER issuer_key_fixed_u BEFORE UPDATE ON issuer_key
BEGIN SELECT RAISE(ABORT, 'the issuer key is never replaced'); END;
CREATE TRIGGER issuer_key_fixed_d BEFORE DELETE ON issuer_key
BEGIN SELECT RAISE(ABORT, 'the issuer key is never replaced'); END;
CREATE TRIGGER certificates_append_only_u BEFORE UPDATE ON certificates
BEGIN SELECT RAISE(ABORT, 'certificates are append-only'); END;
CREATE TRIGGER certificates_append_only_d BEFORE DELETE ON certificates
BEGIN SELECT RAISE(ABORT, 'certificates are append-only'); END;
