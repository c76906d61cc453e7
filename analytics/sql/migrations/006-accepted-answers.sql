-- Accepted answers of question-and-answer sources (Stack Exchange: a question's
-- AcceptedAnswerId). One row per accepted answer; both ids are content ids (the answer is a
-- comment whose parent is the question). A table beside content rather than a content column,
-- because content rows are written by a positional INSERT (sql/ingest/content-insert.sql) that
-- a new column would break. Written by the importer inside the import's transaction.
CREATE TABLE accepted_answers (
  content_id VARCHAR PRIMARY KEY,     -- the accepted answer
  question_id VARCHAR NOT NULL,       -- the question it answers
  source VARCHAR NOT NULL,
  run_id INTEGER
);
