-- A validation request keeps the capability and level it was asked for: when the owner changes the goal's capability
-- or level afterwards, a "validated" answer counts toward what the validator was asked to validate, never toward the
-- new one (PeerValidation.answer). Requests made before this migration take the goal's current capability and level.
ALTER TABLE goal_validation_requests ADD COLUMN capability_id VARCHAR(36);
ALTER TABLE goal_validation_requests ADD COLUMN target_level INTEGER;
UPDATE goal_validation_requests SET
    capability_id = (SELECT g.capability_id FROM learning_goals g WHERE g.id = goal_validation_requests.goal_id),
    target_level = (SELECT g.target_level FROM learning_goals g WHERE g.id = goal_validation_requests.goal_id);
