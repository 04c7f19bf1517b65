-- Learning-cycle figures read the validation requests a group of people asked for (by validator there is already an
-- index), and cycles by when they ran.
CREATE INDEX goal_validation_requests_by_requester ON goal_validation_requests (requester_id, created_at);
CREATE INDEX learning_cycles_by_person_and_dates ON learning_cycles (person_id, starts_on, ends_on);
