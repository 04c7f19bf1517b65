-- "What you asked others" lists a person's validation requests, latest first
CREATE INDEX goal_validation_requests_by_requester ON goal_validation_requests (requester_id, created_at);
-- suggested helpers: who validated a capability recently
CREATE INDEX capability_validations_by_capability ON capability_validations (capability_id, validated_on);
