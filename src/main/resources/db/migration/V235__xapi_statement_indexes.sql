-- GET /xapi/statements at 10 million statements: every filter ends in the stored order, so each index leads with
-- what the filter names and ends with stored_at (and id, the tie-break of the order and of `more` pages).
CREATE INDEX statements_stored ON statements (stored_at, id);
CREATE INDEX statements_actor_stored ON statements (actor_id, stored_at);
CREATE INDEX statements_verb_stored ON statements (verb, stored_at);
CREATE INDEX statements_object_stored ON statements (object_id, stored_at);
CREATE INDEX statements_registration ON statements (registration);
CREATE INDEX xapi_statement_agents_key ON xapi_statement_agents (agent_key, statement_id);
CREATE INDEX xapi_statement_activities_id ON xapi_statement_activities (activity_id, statement_id);
