-- 0006: one person, two profiles. When a learner's records arrived under two profiles (the
-- same person signed up on two laptops), an organizer may link the profiles; reports then
-- count one person. A link is never made automatically, and it can be undone: each decision
-- is a record, and the latest decision about a pair counts (highest seq, then time, then id,
-- as for edits).
CREATE TABLE person_links (
    id         TEXT PRIMARY KEY,               -- UUID
    profile_id TEXT NOT NULL REFERENCES profiles(id),
    other_id   TEXT NOT NULL REFERENCES profiles(id),
    linked     INTEGER NOT NULL CHECK (linked IN (0, 1)),
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    at_ms      INTEGER NOT NULL,
    origin     TEXT NOT NULL,                  -- the laptop's name
    CHECK (profile_id < other_id)              -- a pair is written one way only
) STRICT;

CREATE INDEX person_links_by_pair ON person_links (profile_id, other_id, seq);
CREATE INDEX person_links_by_other ON person_links (other_id);

CREATE TRIGGER person_links_append_only_u BEFORE UPDATE ON person_links
BEGIN SELECT RAISE(ABORT, 'person links are append-only'); END;
CREATE TRIGGER person_links_append_only_d BEFORE DELETE ON person_links
BEGIN SELECT RAISE(ABORT, 'person links are append-only'); END;
