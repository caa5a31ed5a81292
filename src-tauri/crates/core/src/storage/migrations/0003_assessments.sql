-- 0003: self-assessments. Answers are events (a changed answer is a new row; the latest
-- counts); finishing freezes the result, so history keeps what the learner saw then.
CREATE TABLE assessments (
    id            TEXT PRIMARY KEY,            -- UUID
    profile_id    TEXT NOT NULL REFERENCES profiles(id),
    started_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX assessments_by_profile ON assessments (profile_id, started_at_ms);

CREATE TABLE assessment_answers (
    id            TEXT PRIMARY KEY,            -- UUID
    assessment_id TEXT NOT NULL REFERENCES assessments(id),
    question_id   TEXT NOT NULL,
    answer        INTEGER NOT NULL CHECK (answer BETWEEN 0 AND 3),
    at_ms         INTEGER NOT NULL
) STRICT;

CREATE INDEX assessment_answers_by_assessment ON assessment_answers (assessment_id, at_ms);

CREATE TABLE assessment_results (
    assessment_id TEXT PRIMARY KEY REFERENCES assessments(id),
    overall       INTEGER NOT NULL CHECK (overall BETWEEN 0 AND 100),
    levels        TEXT NOT NULL,               -- JSON object: domain id -> level 0-3
    at_ms         INTEGER NOT NULL
) STRICT;

CREATE TRIGGER assessments_append_only_u BEFORE UPDATE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
CREATE TRIGGER assessments_append_only_d BEFORE DELETE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
CREATE TRIGGER assessment_answers_append_only_u BEFORE UPDATE ON assessment_answers
BEGIN SELECT RAISE(ABORT, 'assessment answers are append-only'); END;
CREATE TRIGGER assessment_answers_append_only_d BEFORE DELETE ON assessment_answers
BEGIN SELECT RAISE(ABORT, 'assessment answers are append-only'); END;
CREATE TRIGGER assessment_results_append_only_u BEFORE UPDATE ON assessment_results
BEGIN SELECT RAISE(ABORT, 'assessment results are append-only'); END;
CREATE TRIGGER assessment_results_append_only_d BEFORE DELETE ON assessment_results
BEGIN SELECT RAISE(ABORT, 'assessment results are append-only'); END;
