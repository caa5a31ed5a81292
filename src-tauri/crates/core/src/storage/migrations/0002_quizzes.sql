-- 0002: quiz attempts, their answers and results, all append-only.
CREATE TABLE quiz_attempts (
    id            TEXT PRIMARY KEY,            -- UUID
    profile_id    TEXT NOT NULL REFERENCES profiles(id),
    module_id     TEXT NOT NULL,
    seed          INTEGER NOT NULL,            -- fixes this attempt's question and option order
    started_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX quiz_attempts_by_profile ON quiz_attempts (profile_id, module_id, started_at_ms);

CREATE TABLE quiz_answers (
    id          TEXT PRIMARY KEY,              -- UUID
    attempt_id  TEXT NOT NULL REFERENCES quiz_attempts(id),
    question_id TEXT NOT NULL,
    option_ids  TEXT NOT NULL,                 -- chosen option ids, comma-separated, sorted
    credit      REAL NOT NULL CHECK (credit >= 0 AND credit <= 1),
    at_ms       INTEGER NOT NULL,
    UNIQUE (attempt_id, question_id)
) STRICT;

CREATE TABLE quiz_results (
    attempt_id  TEXT PRIMARY KEY REFERENCES quiz_attempts(id),
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    pass_mark   INTEGER NOT NULL,
    at_ms       INTEGER NOT NULL
) STRICT;

CREATE TRIGGER quiz_attempts_append_only_u BEFORE UPDATE ON quiz_attempts
BEGIN SELECT RAISE(ABORT, 'quiz attempts are append-only'); END;
CREATE TRIGGER quiz_attempts_append_only_d BEFORE DELETE ON quiz_attempts
BEGIN SELECT RAISE(ABORT, 'quiz attempts are append-only'); END;
CREATE TRIGGER quiz_answers_append_only_u BEFORE UPDATE ON quiz_answers
BEGIN SELECT RAISE(ABORT, 'quiz answers are append-only'); END;
CREATE TRIGGER quiz_answers_append_only_d BEFORE DELETE ON quiz_answers
BEGIN SELECT RAISE(ABORT, 'quiz answers are append-only'); END;
CREATE TRIGGER quiz_results_append_only_u BEFORE UPDATE ON quiz_results
BEGIN SELECT RAISE(ABORT, 'quiz results are append-only'); END;
CREATE TRIGGER quiz_results_append_only_d BEFORE DELETE ON quiz_results
BEGIN SELECT RAISE(ABORT, 'quiz results are append-only'); END;
