-- Passing is decided per attempt (exact fraction against the pass mark), so progress keeps the verdict
-- instead of re-deriving it from a rounded best score.
ALTER TABLE progress ADD COLUMN passed BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE progress SET passed = TRUE WHERE status = 'PASSED';
