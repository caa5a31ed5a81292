-- 0001: learner profiles, append-only progress events, device settings.
CREATE TABLE profiles (
    id            TEXT PRIMARY KEY,            -- UUID
    display_name  TEXT NOT NULL,               -- NFC-normalised
    locale        TEXT NOT NULL,               -- interface and course language
    created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE progress_events (
    id          TEXT PRIMARY KEY,              -- UUID: merging laptops is a union by id
    profile_id  TEXT NOT NULL REFERENCES profiles(id),
    kind        TEXT NOT NULL CHECK (kind IN ('lesson_opened', 'lesson_completed', 'lesson_uncompleted')),
    module_id   TEXT NOT NULL,
    lesson_id   TEXT NOT NULL,
    at_ms       INTEGER NOT NULL
) STRICT;

CREATE INDEX progress_events_by_profile ON progress_events (profile_id, at_ms);

CREATE TRIGGER progress_events_are_append_only_update
BEFORE UPDATE ON progress_events
BEGIN
    SELECT RAISE(ABORT, 'progress events are append-only');
END;

CREATE TRIGGER progress_events_are_append_only_delete
BEFORE DELETE ON progress_events
BEGIN
    SELECT RAISE(ABORT, 'progress events are append-only');
END;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
