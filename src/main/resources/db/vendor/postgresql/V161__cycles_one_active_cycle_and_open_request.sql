-- PostgreSQL only (db/vendor/{vendor}; H2 has no partial indexes and relies on the services' checks, see
-- db/vendor/h2/V161): the database itself refuses a second active cycle of a person and a second open validation
-- request of a goal to the same colleague, so that a double submit cannot slip between a service's check and its
-- insert (LearningCycles.start, CycleClosing's carry-over, PeerValidation.ask turn the duplicate key into 409/422).

-- a double submit before this index may have left a person with two active cycles: the one started first stays
-- active, the later ones are closed (their goals stay; the owner reads them among their closed cycles)
UPDATE learning_cycles c SET status = 'CLOSED', closed_at = c.updated_at, revision = c.revision + 1
WHERE c.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM learning_cycles o WHERE o.person_id = c.person_id
    AND o.status = 'ACTIVE' AND (o.created_at < c.created_at OR (o.created_at = c.created_at AND o.id < c.id)));
CREATE UNIQUE INDEX learning_cycles_one_active ON learning_cycles (person_id) WHERE status = 'ACTIVE';

-- a colleague may be asked again once they answered "not yet" (or declined): one OPEN request per goal and colleague
ALTER TABLE goal_validation_requests DROP CONSTRAINT goal_validation_requests_once;
CREATE UNIQUE INDEX goal_validation_requests_one_open ON goal_validation_requests (goal_id, validator_id)
    WHERE status = 'REQUESTED';
CREATE INDEX goal_validation_requests_by_goal ON goal_validation_requests (goal_id, validator_id);
