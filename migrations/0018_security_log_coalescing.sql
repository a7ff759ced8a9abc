-- Issue 12.9: the security log counts repeats in one row and forgets rows past their retention.
-- Still append-only for everything else: a row's what, who and where never change, its count
-- and last-seen time only grow, and nothing seen in the last seven days can be deleted (the
-- least SECURITY_LOG_RETENTION_DAYS allows; app/env.server.ts).
DROP TRIGGER security_log_no_update;
--> statement-breakpoint
DROP TRIGGER security_log_no_delete;
--> statement-breakpoint
UPDATE security_log SET last_seen_at = at WHERE last_seen_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER security_log_no_update BEFORE UPDATE ON security_log
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.event IS NOT OLD.event
  OR NEW.user_id IS NOT OLD.user_id OR NEW.subject_user_id IS NOT OLD.subject_user_id
  OR NEW.email IS NOT OLD.email OR NEW.address IS NOT OLD.address OR NEW.detail IS NOT OLD.detail
  OR NEW.count < OLD.count OR NEW.last_seen_at IS NULL OR NEW.last_seen_at < coalesce(OLD.last_seen_at, OLD.at)
BEGIN SELECT RAISE(ABORT, 'the security log is append-only: a row can only count more repeats'); END;
--> statement-breakpoint
CREATE TRIGGER security_log_no_delete BEFORE DELETE ON security_log
WHEN coalesce(OLD.last_seen_at, OLD.at) > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-7 days')
BEGIN SELECT RAISE(ABORT, 'the security log is append-only until its retention period ends'); END;
