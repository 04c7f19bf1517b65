-- Where drafted lessons and questions come from, so that authors and reviewers can check them side by side.
ALTER TABLE lessons ADD COLUMN sources VARCHAR(40000);
ALTER TABLE questions ADD COLUMN source VARCHAR(4000);
