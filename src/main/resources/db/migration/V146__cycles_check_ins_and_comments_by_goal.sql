-- The goal page reads a goal's check-in history and its discussion (replies under their comment); the reminder job
-- asks for a cycle's latest check-in (learning_check_ins_by_cycle serves that).
CREATE INDEX learning_check_ins_by_goal ON learning_check_ins (goal_id, created_at);
CREATE INDEX learning_goal_comments_by_parent ON learning_goal_comments (parent_id);
