/*
 * The volume of a City's worst year, written in SQL through the schema (generate_series):
 * 100,000 published contributions (a third proposals, half of them answered — each with its answer
 * row —, a third supported by another council; each text holds one of ten topic sentences),
 * 10,000 pending, 500,000 journal rows, 2,000 reports (half resolved) and 50,000 notifications of
 * the demo member (most read): every table that grows with participation, so that a plan reading
 * one of them whole shows in the benchmark's EXPLAIN column. Used by `npm run bench -- --data=100k`
 * (server functions, scripts/bench/volume.ts) and by `BENCH_CONTRIBUTIONS=100k npm run bench`
 * (the pages as served). Followed by VACUUM ANALYZE, as autovacuum would.
 */

/** The statements, in order; the ids are the demo seed's member and moderator. */
export function volumeFillSql({ memberId, moderatorId }: { memberId: number; moderatorId: number }): string[] {
  if (!Number.isInteger(memberId) || !Number.isInteger(moderatorId)) throw new Error("volumeFillSql : identifiants entiers attendus");
  return [
    `
    insert into contributions (council_id, action_id, author_id, kind, position, title, body, status, submitted_at, decided_at,
                               published_at, answer_due_at, first_answered_at, client_request_id, created_at)
    select c.id, a.id, ${memberId}::int,
           case when i % 3 = 0 then 'proposal'::contribution_kind else 'feedback'::contribution_kind end,
           case when i % 3 = 0 then null else 'favorable'::contribution_position end,
           case when i % 3 = 0 then 'Proposition n°' || i end,
           'Texte de la contribution n°' || i || '. ' || (array['La parentalité demande plus de soutien.',
             'Les familles du quartier attendent un logement adapté.', 'Les personnes âgées se sentent isolées.',
             'Le centre social manque de bénévoles.', 'Les classes passerelles sont appréciées.', 'La médiation apaise les tensions.',
             'Les associations cherchent des salles.', 'Le multi-accueil ouvre trop tard.', 'Les jeunes veulent un lieu à eux.',
             'La rénovation du centre-ville avance lentement.'])[1 + i % 10] || ' ' || repeat('Le conseil explique sa position. ', 8),
           'published', t - interval '1 day', t, t, t + interval '60 days',
           case when i % 3 = 0 and i % 2 = 0 then t + interval '9 days' end,
           md5(i::text || 'publiee'), t
    from generate_series(1, 100000) as i
    cross join lateral (select now() - (i * interval '13 minutes') as t) as at_time
    join lateral (select id from councils where archived_at is null order by id offset (i % greatest(1, (select count(*) from councils where archived_at is null))::int) limit 1) as c on true
    join lateral (select id from actions order by id offset (i % (select count(*) from actions))::int limit 1) as a on true`,
    `
    insert into contributions (council_id, action_id, author_id, kind, position, body, status, submitted_at, client_request_id, created_at)
    select c.id, a.id, ${memberId}::int, 'feedback', 'unfavorable', 'En attente n°' || i, 'pending', now() - i * interval '1 minute',
           md5(i::text || 'attente'), now() - i * interval '1 minute'
    from generate_series(1, 10000) as i
    join lateral (select id from councils where archived_at is null order by id offset (i % greatest(1, (select count(*) from councils where archived_at is null))::int) limit 1) as c on true
    join lateral (select id from actions order by id offset (i % (select count(*) from actions))::int limit 1) as a on true`,
    `
    insert into contribution_answers (contribution_id, state, body, author_id, signature_name, signature_title, client_request_id, created_at)
    select c.id, (array['under_review','accepted','rejected','done'])[1 + c.id % 4]::answer_state,
           'Réponse de la Ville à la proposition n°' || c.id || '. ' || repeat('La Ville étudie la proposition avec ses services. ', 4),
           ${moderatorId}::int, 'Service du projet social', 'Ville', md5(c.id::text || 'reponse'), c.first_answered_at
    from contributions c
    where c.kind = 'proposal' and c.first_answered_at is not null
      and not exists (select 1 from contribution_answers r where r.contribution_id = c.id)`,
    `
    insert into contribution_supports (contribution_id, council_id, user_id, created_at)
    select c.id, o.id, ${memberId}::int, c.published_at + interval '2 days'
    from contributions c
    join lateral (select id from councils where id <> c.council_id and archived_at is null order by id limit 1) as o on true
    where c.kind = 'proposal' and c.status = 'published' and c.id % 3 = 0
    on conflict do nothing`,
    `
    insert into contribution_reports (contribution_id, reporter_id, reason, created_at, resolved_at, resolved_by_id)
    select c.id, ${memberId}::int, 'Propos hors sujet', c.published_at + interval '1 day',
           case when c.id % 2 = 0 then c.published_at + interval '2 days' end, case when c.id % 2 = 0 then ${moderatorId}::int end
    from contributions c
    where c.status = 'published' and c.id % 50 = 0
    on conflict do nothing`,
    `
    insert into notifications (user_id, kind, contribution_id, council_id, message, link, created_at, read_at, emailed_at)
    select ${memberId}::int, 'contribution_approved', null, null, 'Votre avis n°' || i || ' est publié.', '/espace',
           now() - i * interval '10 minutes', case when i > 100 then now() - i * interval '9 minutes' end,
           case when i > 100 then now() - i * interval '9 minutes' end
    from generate_series(1, 50000) as i`,
    `
    insert into audit_log (actor_user_id, action, target_type, target_id, council_id, details, created_at)
    select ${moderatorId}::int, (array['contribution.approve','contribution.reject','contribution.submit','answer.create'])[1 + i % 4],
           'contribution', i::text, (select id from councils order by id limit 1), '{}'::jsonb, now() - i * interval '30 seconds'
    from generate_series(1, 500000) as i`,
    // The fill writes into months that are over, which the app never does: the register's figures of
    // those months, counted from the demo data if it was rendered before, would no longer be theirs.
    // Dropped, they are counted again at the next render, at this volume (register_months, decision 0030).
    `delete from register_months`,
  ];
}
