-- 0007: an organizer's programme. On the organizer's laptop, the programme key (one row,
-- never replaced): an ed25519 key that endorses laptops and an age X25519 identity that
-- results files are encrypted to. On every laptop, the programmes it trusts (their public
-- halves), and the endorsements it has seen and checked: its own, and other laptops' from the
-- results files and certificates that carried them.
CREATE TABLE programme_key (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL,
    secret        BLOB NOT NULL CHECK (length(secret) = 32),
    age_identity  TEXT NOT NULL,                 -- AGE-SECRET-KEY-1...
    created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TRIGGER programme_key_fixed_u BEFORE UPDATE ON programme_key
BEGIN SELECT RAISE(ABORT, 'the programme key is never replaced'); END;
CREATE TRIGGER programme_key_fixed_d BEFORE DELETE ON programme_key
BEGIN SELECT RAISE(ABORT, 'the programme key is never replaced'); END;

CREATE TABLE programmes (
    fingerprint    TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    public         BLOB NOT NULL CHECK (length(public) = 32),
    age_recipient  TEXT NOT NULL,                -- age1...
    imported_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE endorsements (
    laptop_fingerprint    TEXT NOT NULL,
    programme_fingerprint TEXT NOT NULL,
    laptop_public         BLOB NOT NULL CHECK (length(laptop_public) = 32),
    laptop_label          TEXT NOT NULL,
    text                  TEXT NOT NULL,         -- SDREND1...
    stored_at_ms          INTEGER NOT NULL,
    PRIMARY KEY (laptop_fingerprint, programme_fingerprint)
) STRICT;
