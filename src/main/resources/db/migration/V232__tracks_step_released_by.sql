-- Who opened a step early (issue 18): an open step whose pacing now says "later" tells the person truthfully why it is
-- open already: opened early by their manager (this column set) or before the pacing changed (null).
ALTER TABLE track_step_progress ADD COLUMN released_by VARCHAR(36);
