import { type Kysely, sql } from 'kysely'

// Check samples are the one big table: partitioned by UTC day so retention is a DROP of old
// partitions, with BRIN on time. Rollups hold sums and counts (never averages) plus a latency
// histogram (bucket i of packages/kpi's histogram at array position i + 1), so any window can
// be merged exactly.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE services (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 3),
      owner_team_id bigint REFERENCES teams (id),
      slo_target numeric(7, 5) NOT NULL CHECK (slo_target > 0 AND slo_target < 1),
      check_url text,
      check_method text NOT NULL DEFAULT 'GET' CHECK (check_method IN ('GET', 'HEAD', 'POST')),
      check_interval_seconds integer NOT NULL DEFAULT 60 CHECK (check_interval_seconds BETWEEN 10 AND 3600),
      check_timeout_ms integer NOT NULL DEFAULT 10000 CHECK (check_timeout_ms BETWEEN 100 AND 60000),
      check_expected_status smallint NOT NULL DEFAULT 200,
      degraded_latency_ms integer NOT NULL DEFAULT 2000 CHECK (degraded_latency_ms > 0),
      check_enabled boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX services_owner_team_id_idx ON services (owner_team_id);

    CREATE TABLE maintenance_windows (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      service_id bigint NOT NULL REFERENCES services (id) ON DELETE CASCADE,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      reason text NOT NULL DEFAULT '',
      CHECK (ends_at > starts_at)
    );
    CREATE INDEX maintenance_windows_service_idx ON maintenance_windows (service_id, starts_at);

    CREATE TABLE check_samples (
      service_id bigint NOT NULL,
      checked_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('up', 'degraded', 'down')),
      in_maintenance boolean NOT NULL DEFAULT false,
      latency_ms integer CHECK (latency_ms >= 0),
      http_status smallint,
      error text,
      PRIMARY KEY (service_id, checked_at)
    ) PARTITION BY RANGE (checked_at);
    CREATE INDEX check_samples_checked_at_brin ON check_samples USING brin (checked_at);

    -- Creates the missing daily partitions covering [from_day, to_day] (UTC days).
    CREATE FUNCTION ensure_check_sample_partitions(from_day date, to_day date) RETURNS integer
    LANGUAGE plpgsql AS $fn$
    DECLARE
      d date;
      created integer := 0;
      part text;
    BEGIN
      FOR d IN SELECT generate_series(from_day, to_day, interval '1 day')::date LOOP
        part := 'check_samples_' || to_char(d, 'YYYYMMDD');
        IF to_regclass(part) IS NULL THEN
          EXECUTE format(
            'CREATE TABLE %I PARTITION OF check_samples FOR VALUES FROM (%L) TO (%L)',
            part, d::text || ' 00:00:00+00', (d + 1)::text || ' 00:00:00+00');
          created := created + 1;
        END IF;
      END LOOP;
      RETURN created;
    END
    $fn$;

    CREATE TABLE check_rollup_hourly (
      service_id bigint NOT NULL REFERENCES services (id) ON DELETE CASCADE,
      bucket_start timestamptz NOT NULL,
      samples integer NOT NULL DEFAULT 0,
      up integer NOT NULL DEFAULT 0,
      degraded integer NOT NULL DEFAULT 0,
      down integer NOT NULL DEFAULT 0,
      maintenance integer NOT NULL DEFAULT 0,
      latency_count integer NOT NULL DEFAULT 0,
      latency_sum_ms bigint NOT NULL DEFAULT 0,
      latency_max_ms integer,
      latency_hist integer[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (service_id, bucket_start)
    );
    CREATE INDEX check_rollup_hourly_bucket_idx ON check_rollup_hourly (bucket_start);

    -- Days are the organisation's calendar days: bucket_start is local midnight as an instant.
    CREATE TABLE check_rollup_daily (LIKE check_rollup_hourly INCLUDING ALL);
    ALTER TABLE check_rollup_daily
      ADD FOREIGN KEY (service_id) REFERENCES services (id) ON DELETE CASCADE;
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE check_rollup_daily; DROP TABLE check_rollup_hourly; DROP TABLE check_samples;
    DROP FUNCTION ensure_check_sample_partitions; DROP TABLE maintenance_windows; DROP TABLE services;
  `.execute(db)
}
