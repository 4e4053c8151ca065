import { type Kysely, sql } from 'kysely'

// Service health (issue 8): the catalogue's full check configuration and archiving, the prober's
// schedule and leases, weekly maintenance schedules (expanded into maintenance_windows rows, so
// that every reader keeps one simple interval test), business services, burn-rate alerts and the
// raw-sample retention setting.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE services
      ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
      ADD COLUMN runbook_url text,
      ADD COLUMN dashboard_url text,
      -- 'probe': the built-in prober checks it; 'push': samples arrive through POST /checks (and
      -- the demo simulator pushes the demo's).
      ADD COLUMN check_mode text NOT NULL DEFAULT 'push' CHECK (check_mode IN ('probe', 'push')),
      ADD COLUMN check_kind text NOT NULL DEFAULT 'http' CHECK (check_kind IN ('http', 'tcp')),
      ADD COLUMN check_host text,
      ADD COLUMN check_port integer CHECK (check_port BETWEEN 1 AND 65535),
      ADD COLUMN check_expected_statuses smallint[] NOT NULL DEFAULT '{200}',
      ADD COLUMN check_keyword text,
      ADD COLUMN slo_window_days smallint NOT NULL DEFAULT 30 CHECK (slo_window_days IN (7, 28, 30, 90)),
      ADD COLUMN archived_at timestamptz,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
    UPDATE services SET check_expected_statuses = ARRAY[check_expected_status];
    ALTER TABLE services DROP COLUMN check_expected_status;
    ALTER TABLE services ADD CONSTRAINT services_probe_target CHECK (
      check_mode = 'push'
      OR (check_kind = 'http' AND check_url IS NOT NULL)
      OR (check_kind = 'tcp' AND check_host IS NOT NULL AND check_port IS NOT NULL));

    -- One row per probed service: when it is next due and which worker holds it. Workers claim due
    -- rows with FOR UPDATE SKIP LOCKED and a lease; a dead worker's lease simply expires.
    CREATE TABLE check_schedule (
      service_id bigint PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
      next_due_at timestamptz NOT NULL DEFAULT now(),
      leased_by text,
      lease_expires_at timestamptz
    );
    CREATE INDEX check_schedule_due_idx ON check_schedule (next_due_at);

    -- A weekly window in a named zone ("Sundays 02:00 for 2 h, Europe/London"). Its occurrences
    -- are written to maintenance_windows ahead of time, each computed in the zone (so 02:00 stays
    -- 02:00 local across a BST change).
    CREATE TABLE maintenance_schedules (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      service_id bigint NOT NULL REFERENCES services (id) ON DELETE CASCADE,
      iso_weekday smallint NOT NULL CHECK (iso_weekday BETWEEN 1 AND 7),
      local_start time NOT NULL,
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
      timezone text NOT NULL,
      reason text NOT NULL DEFAULT '',
      starts_on date NOT NULL,
      ends_on date,
      -- Occurrences exist up to here; the worker extends it.
      expanded_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on IS NULL OR ends_on >= starts_on)
    );
    CREATE INDEX maintenance_schedules_service_idx ON maintenance_schedules (service_id);
    ALTER TABLE maintenance_windows
      ADD COLUMN schedule_id bigint REFERENCES maintenance_schedules (id) ON DELETE SET NULL,
      ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
    CREATE UNIQUE INDEX maintenance_windows_occurrence_idx
      ON maintenance_windows (schedule_id, starts_at) WHERE schedule_id IS NOT NULL;

    -- A business service ("Payroll") made of component services, up by a roll-up rule.
    CREATE TABLE service_groups (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      slo_target numeric(7, 5) NOT NULL CHECK (slo_target > 0 AND slo_target < 1),
      rule text NOT NULL CHECK (rule IN ('all', 'any', 'at_least')),
      -- For 'at_least': up when at least this many components are up.
      min_up smallint CHECK (min_up >= 1),
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((rule = 'at_least') = (min_up IS NOT NULL))
    );
    CREATE TABLE service_group_members (
      group_id bigint NOT NULL REFERENCES service_groups (id) ON DELETE CASCADE,
      service_id bigint NOT NULL REFERENCES services (id),
      PRIMARY KEY (group_id, service_id)
    );
    CREATE INDEX service_group_members_service_idx ON service_group_members (service_id);

    -- A multi-window burn-rate alert (SRE workbook): open while ended_at is null, with the burn
    -- rates that fired it (long and short window) and the threshold they crossed.
    CREATE TABLE slo_alerts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      service_id bigint NOT NULL REFERENCES services (id) ON DELETE CASCADE,
      severity text NOT NULL CHECK (severity IN ('page', 'ticket')),
      -- The window pair, e.g. '1h/5m'.
      rule text NOT NULL,
      threshold numeric NOT NULL,
      long_burn_rate numeric NOT NULL,
      short_burn_rate numeric NOT NULL,
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      peak_burn_rate numeric NOT NULL,
      CHECK (ended_at IS NULL OR ended_at >= started_at)
    );
    CREATE UNIQUE INDEX slo_alerts_open_idx ON slo_alerts (service_id, rule) WHERE ended_at IS NULL;
    CREATE INDEX slo_alerts_service_idx ON slo_alerts (service_id, started_at);

    ALTER TABLE organisation_settings
      ADD COLUMN raw_sample_retention_days integer NOT NULL DEFAULT 30
        CHECK (raw_sample_retention_days BETWEEN 7 AND 400);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE organisation_settings DROP COLUMN raw_sample_retention_days;
    DROP TABLE slo_alerts; DROP TABLE service_group_members; DROP TABLE service_groups;
    DROP INDEX maintenance_windows_occurrence_idx;
    ALTER TABLE maintenance_windows DROP COLUMN schedule_id, DROP COLUMN created_at;
    DROP TABLE maintenance_schedules; DROP TABLE check_schedule;
    ALTER TABLE services DROP CONSTRAINT services_probe_target,
      ADD COLUMN check_expected_status smallint NOT NULL DEFAULT 200;
    UPDATE services SET check_expected_status = check_expected_statuses[1];
    ALTER TABLE services DROP COLUMN tags, DROP COLUMN runbook_url, DROP COLUMN dashboard_url,
      DROP COLUMN check_mode, DROP COLUMN check_kind, DROP COLUMN check_host, DROP COLUMN check_port,
      DROP COLUMN check_expected_statuses, DROP COLUMN check_keyword, DROP COLUMN slo_window_days,
      DROP COLUMN archived_at, DROP COLUMN updated_at;
  `.execute(db)
}
