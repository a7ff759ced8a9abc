-- Issue 13.6: a post made from a "title at the meeting" was stored undated, so it read as held
-- now. Such a post is known only as of the meeting that gave the title. The link the old code
-- left: the same person, an undated post, and a participation whose title_at_meeting is, word
-- for word, one of the post's titles (the form wrote the one typed text to both). The demo's
-- posts, "held at the time of the meeting", are found the same way. With several such
-- meetings, the latest known date counts; a meeting of unknown date tells nothing.
WITH seen AS (
  SELECT
    p.id AS post_id,
    m.date,
    m.date_precision,
    m.date_approximate,
    row_number() OVER (
      PARTITION BY p.id
      ORDER BY m.date DESC, CASE m.date_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END DESC, m.id DESC
    ) AS rank
  FROM posts p
  JOIN meeting_participants mp ON mp.person_id = p.person_id AND mp.title_at_meeting IN (p.title_kk, p.title_ru, p.title_en)
  JOIN meetings m ON m.id = mp.meeting_id
  WHERE p.start IS NULL AND p.start_precision = 'unknown' AND p."end" IS NULL AND p.end_precision = 'unknown' AND m.date IS NOT NULL
)
UPDATE posts
SET as_of = seen.date, as_of_precision = seen.date_precision, as_of_approximate = seen.date_approximate
FROM seen
WHERE seen.post_id = posts.id AND seen.rank = 1;
