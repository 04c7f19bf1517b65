-- The levels everyone holds, estimated in SQL from the evidence by the engine's rules (LevelEvaluator): the table
-- bench_estimate (person, capability, level, valid until). bench/capabilities.sh checks the application's rebuild
-- against it; bench/rhythm.sh writes it as the holdings (a rebuild on an empty table would publish a level change
-- per holding).
CREATE TEMP TABLE bench_met AS
WITH rules AS (
    SELECT r.*, c.validity_months FROM capability_rules r JOIN capabilities c ON c.id = r.capability_id AND c.status = 'ACTIVE'),
evidence AS (
    SELECT r.id AS rule_id, r.capability_id, r.level_rank, r.validity_months, m.person_id, m.mastered_at::date AS since,
           NULL::date AS own_until
    FROM rules r JOIN masteries m ON m.course_id = r.course_id JOIN courses c ON c.id = r.course_id
    JOIN course_versions cv ON cv.course_id = c.id AND cv.version = c.live_version
    LEFT JOIN course_pins p ON p.person_id = m.person_id AND p.course_id = m.course_id
    WHERE r.kind = 'COURSE_MASTERED'
      AND (NOT r.current_version OR p.version = c.live_version OR (p.version IS NULL AND m.mastered_at >= cv.published_at))
    UNION ALL
    SELECT r.id, r.capability_id, r.level_rank, r.validity_months, s.person_id, s.observed_on, NULL
    FROM rules r JOIN checklist_sign_offs s ON s.task_id = r.task_id WHERE r.kind = 'TASK_SIGNED_OFF'
    UNION ALL
    SELECT r.id, r.capability_id, r.level_rank, r.validity_months, d.person_id, d.day, NULL
    FROM rules r JOIN (SELECT person_id, course_id, reviewed_on AS day,
                              row_number() OVER (PARTITION BY person_id, course_id ORDER BY reviewed_on DESC) AS k
                       FROM (SELECT DISTINCT person_id, course_id, reviewed_on FROM practice_reviews WHERE correct) x) d
      ON d.course_id = r.course_id AND d.k = r.required_count
    WHERE r.kind = 'SPACED_REVIEWS'
    UNION ALL
    SELECT r.id, r.capability_id, r.level_rank, r.validity_months, c.person_id, c.issued_on, c.expires_on
    FROM rules r JOIN capability_certificates c ON c.capability_id = r.capability_id AND c.status = 'CONFIRMED'
      AND (r.certificate_name IS NULL OR c.name = r.certificate_name)
    WHERE r.kind = 'CERTIFICATE'
    UNION ALL
    SELECT r.id, r.capability_id, r.level_rank, r.validity_months, v.person_id, v.validated_on, NULL
    FROM rules r JOIN (SELECT person_id, capability_id, level_rank, validated_on,
                              row_number() OVER (PARTITION BY person_id, capability_id, level_rank ORDER BY validated_on DESC) AS k
                       FROM capability_validations) v
      ON v.capability_id = r.capability_id AND v.level_rank = r.level_rank AND v.k = r.required_count
    WHERE r.kind = 'VALIDATIONS')
SELECT rule_id, capability_id, level_rank, person_id,
       MAX(COALESCE(own_until, (since + make_interval(months => validity_months))::date, DATE '9999-12-31')) AS until
FROM evidence GROUP BY rule_id, capability_id, level_rank, person_id;
DROP TABLE IF EXISTS bench_estimate;
CREATE TABLE bench_estimate AS
SELECT m.person_id, m.capability_id, m.level_rank, NULLIF(MIN(m.until), DATE '9999-12-31') AS valid_until
FROM bench_met m
JOIN (SELECT capability_id, level_rank, COUNT(*) AS rules FROM capability_rules GROUP BY capability_id, level_rank) n
  ON n.capability_id = m.capability_id AND n.level_rank = m.level_rank
WHERE m.until > current_date
GROUP BY m.person_id, m.capability_id, m.level_rank, n.rules
HAVING COUNT(*) = n.rules;
