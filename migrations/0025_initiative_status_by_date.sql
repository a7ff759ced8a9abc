-- An initiative's status is the status of its latest step by date: of two on one date, the one
-- entered later; a step of unknown date comes after the dated ones (the order of a relation's
-- steps, app/utils/relation-status.ts, and of the steps on the initiative's page). It stays a
-- column, so that the lists filter and count by status in an index, and these triggers keep it
-- so whatever writes the steps (the step form, a meeting's form or import, history's revert and
-- restore): no write can make it the status of the step it happens to add. An initiative with no
-- step that gives a status keeps the one it was made with.
-- Before them each new step's status became the initiative's, so a step entered late about an
-- earlier date made it wrong; the UPDATE at the end corrects what that left.
CREATE TRIGGER initiative_steps_status_insert AFTER INSERT ON initiative_steps BEGIN
  UPDATE initiatives SET status = coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = NEW.initiative_id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status)
  WHERE id = NEW.initiative_id AND status IS NOT coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = NEW.initiative_id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status);
END;
--> statement-breakpoint
CREATE TRIGGER initiative_steps_status_update AFTER UPDATE OF initiative_id, date, date_precision, status ON initiative_steps BEGIN
  UPDATE initiatives SET status = coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = NEW.initiative_id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status)
  WHERE id = NEW.initiative_id AND status IS NOT coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = NEW.initiative_id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status);
  UPDATE initiatives SET status = coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = OLD.initiative_id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status)
  WHERE id = OLD.initiative_id AND OLD.initiative_id <> NEW.initiative_id AND status IS NOT coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = OLD.initiative_id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status);
END;
--> statement-breakpoint
CREATE TRIGGER initiative_steps_status_delete AFTER DELETE ON initiative_steps BEGIN
  UPDATE initiatives SET status = coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = OLD.initiative_id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status)
  WHERE id = OLD.initiative_id AND status IS NOT coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = OLD.initiative_id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status);
END;
--> statement-breakpoint
UPDATE initiatives SET status = coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = initiatives.id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status)
WHERE status IS NOT coalesce((SELECT s.status FROM initiative_steps s WHERE s.initiative_id = initiatives.id AND s.status IS NOT NULL
      ORDER BY s.date IS NULL DESC, s.date DESC, CASE s.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'day' THEN 2 ELSE 3 END DESC, s.id DESC LIMIT 1), status);
