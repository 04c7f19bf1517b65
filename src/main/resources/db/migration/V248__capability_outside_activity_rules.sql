-- An OUTSIDE_ACTIVITY rule names an activity of an outside tool by its IRI (statements sent to Stride's LRS about it
-- count), with a name to show in place of the IRI and the lowest scaled score (0 to 1) that counts, both optional.
ALTER TABLE capability_rules ADD COLUMN activity_iri VARCHAR(500);
ALTER TABLE capability_rules ADD COLUMN activity_name VARCHAR(200);
ALTER TABLE capability_rules ADD COLUMN min_score DOUBLE PRECISION;
CREATE INDEX capability_rules_activity ON capability_rules (activity_iri);
