-- H2 (the embedded database for trying Stride out) has no partial unique indexes: one active cycle per person and one
-- open validation request per goal and colleague are kept by the services' checks there (PostgreSQL also enforces
-- them with partial unique indexes, db/vendor/postgresql/V161).

-- a colleague may be asked again once they answered "not yet" (or declined)
ALTER TABLE goal_validation_requests DROP CONSTRAINT goal_validation_requests_once;
CREATE INDEX goal_validation_requests_by_goal ON goal_validation_requests (goal_id, validator_id);
