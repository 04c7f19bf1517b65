-- A lesson may hold 100,000 characters; kept as JSON with its title and citations, quotes, backslashes and control
-- characters are escaped (up to six characters each), so 200,000 was too little for a quote-heavy lesson near the
-- limit. Widened to the size removed_elements already has.
ALTER TABLE element_revisions ALTER COLUMN content TYPE VARCHAR(1000000);
