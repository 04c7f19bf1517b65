-- Flags need this many attempts at a question: with a handful of learners every question looked "too easy" and
-- every unpicked option "a distractor nobody picks". Ten, as for a redrafted question's figures after (ADR 11).
ALTER TABLE item_analysis_thresholds ADD COLUMN minimum_attempts INTEGER DEFAULT 10 NOT NULL;
