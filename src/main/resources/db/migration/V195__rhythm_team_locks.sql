-- One row per team and rule, locked (SELECT ... FOR UPDATE) while a team's budget periods or learning periods are
-- checked for overlap and written: two requests at once cannot both pass the check. Works alike on PostgreSQL and H2.
CREATE TABLE rhythm_team_locks (
    team_id            VARCHAR(36)   NOT NULL,
    rule               VARCHAR(20)   NOT NULL,
    PRIMARY KEY (team_id, rule)
);
