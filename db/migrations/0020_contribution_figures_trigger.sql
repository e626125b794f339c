-- contribution_figures (db/schema/contributions.ts): the published contributions counted by council,
-- fiche, kind and month of publication, kept by PostgreSQL in the transaction of every write to
-- contributions (issue 15). Statement triggers with transition tables: one grouped upsert per
-- statement, whatever the number of rows it wrote (an approval: one row; a bulk load or a copy:
-- every row at once). Rows are written in key order (ORDER BY) so that two writers never wait on
-- each other crosswise; a row whose counts fall to zero is deleted.
CREATE FUNCTION contribution_figures_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO contribution_figures AS f (council_id, action_id, kind, month, published, answered)
    SELECT council_id, action_id, kind, coalesce(to_char(published_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), ''),
           count(*)::int, (count(*) FILTER (WHERE kind = 'proposal' AND first_answered_at IS NOT NULL))::int
    FROM new_rows WHERE status = 'published'
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (council_id, action_id, kind, month)
    DO UPDATE SET published = f.published + excluded.published, answered = f.answered + excluded.answered;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO contribution_figures AS f (council_id, action_id, kind, month, published, answered)
    SELECT council_id, action_id, kind, coalesce(to_char(published_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), ''),
           -count(*)::int, -(count(*) FILTER (WHERE kind = 'proposal' AND first_answered_at IS NOT NULL))::int
    FROM old_rows WHERE status = 'published'
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (council_id, action_id, kind, month)
    DO UPDATE SET published = f.published + excluded.published, answered = f.answered + excluded.answered;
    DELETE FROM contribution_figures WHERE published = 0 AND answered = 0
      AND (council_id, action_id, kind, month) IN (
        SELECT council_id, action_id, kind, coalesce(to_char(published_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), '')
        FROM old_rows WHERE status = 'published');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contribution_figures_insert AFTER INSERT ON contributions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contribution_figures_count();
--> statement-breakpoint
CREATE TRIGGER contribution_figures_update AFTER UPDATE ON contributions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contribution_figures_count();
--> statement-breakpoint
CREATE TRIGGER contribution_figures_delete AFTER DELETE ON contributions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION contribution_figures_count();
--> statement-breakpoint
-- The contributions already published.
INSERT INTO contribution_figures (council_id, action_id, kind, month, published, answered)
SELECT council_id, action_id, kind, coalesce(to_char(published_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), ''),
       count(*)::int, (count(*) FILTER (WHERE kind = 'proposal' AND first_answered_at IS NOT NULL))::int
FROM contributions WHERE status = 'published'
GROUP BY 1, 2, 3, 4;
