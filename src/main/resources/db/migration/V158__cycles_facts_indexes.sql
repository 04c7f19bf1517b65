-- Learning-cycle figures read the cycles of a group of people by when they ran. (Validation requests by requester
-- are indexed by V148 on main, goal_validation_requests_by_requester; by validator by V143.)
CREATE INDEX learning_cycles_by_person_and_dates ON learning_cycles (person_id, starts_on, ends_on);
