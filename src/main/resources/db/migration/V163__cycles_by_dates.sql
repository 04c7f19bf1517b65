-- Organization-wide learning-cycle figures (CycleFactsRows.cycles without a people filter) read the cycles that ran in
-- a window, starts_on <= :to AND ends_on >= :from: the range on ends_on is read from this index instead of every cycle.
CREATE INDEX learning_cycles_by_dates ON learning_cycles (ends_on, starts_on);
