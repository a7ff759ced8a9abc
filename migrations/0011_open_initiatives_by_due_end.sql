-- Written out by hand: drizzle-kit 0.31 splits an index expression at its commas and quotes
-- each piece. The snapshot beside it is drizzle-kit's own. The expression and the WHERE clause
-- are db/schema.ts's initiativeDueBy() and initiativeIsOpen(), letter for letter.
CREATE INDEX `initiatives_open_due_by` ON `initiatives` ((case "due_precision" when 'day' then "due" when 'month' then date("due", '+1 month', '-1 day') when 'year' then date("due", '+1 year', '-1 day') end), `id`) WHERE "status" in ('proposed', 'agreed', 'in_progress', 'stalled');
