-- A priced commission or a contract's resource on a day no budget period of the team holds is treated as going over
-- (nothing is left): its spend waits for L&D's approval without a budget to count in.
ALTER TABLE budget_spends ALTER COLUMN budget_id DROP NOT NULL;
CREATE INDEX budget_spends_by_team ON budget_spends (team_id, status);
