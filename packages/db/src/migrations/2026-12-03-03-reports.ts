import { type Kysely, sql } from 'kysely'

// Stakeholder reports (issue 12): frozen snapshots that never change once written, signed share
// links to one snapshot, schedules that freeze and deliver a pack, and the log of each delivery
// (one row per run and channel, leased so that two workers never send the same one twice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE report_snapshots (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      period_kind text NOT NULL CHECK (period_kind IN ('week', 'month', 'quarter', 'custom')),
      first_day date NOT NULL,
      last_day date NOT NULL CHECK (last_day >= first_day),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      -- The whole report as it was shown: figures, tables, text, definitions, rules, timezone.
      body jsonb NOT NULL,
      data_cutoff timestamptz NOT NULL,
      frozen_at timestamptz NOT NULL DEFAULT now(),
      -- Who and what froze it, as they were: no foreign keys, whose ON DELETE would rewrite the row.
      frozen_by_user_id bigint,
      frozen_by text NOT NULL,
      schedule_id bigint
    );
    CREATE INDEX report_snapshots_period ON report_snapshots (first_day DESC, id DESC);

    -- A snapshot is a record of what was told: nothing may rewrite it.
    CREATE FUNCTION report_snapshots_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'report snapshots are immutable' USING ERRCODE = 'integrity_constraint_violation';
    END $$;
    CREATE TRIGGER report_snapshots_frozen BEFORE UPDATE ON report_snapshots
      FOR EACH ROW EXECUTE FUNCTION report_snapshots_frozen();

    CREATE TABLE report_share_links (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      snapshot_id bigint NOT NULL REFERENCES report_snapshots (id) ON DELETE CASCADE,
      -- SHA-256 of the link's secret; the secret itself is shown once.
      token_hash text NOT NULL UNIQUE,
      label text NOT NULL DEFAULT '',
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz
    );
    CREATE INDEX report_share_links_snapshot ON report_share_links (snapshot_id);

    CREATE TABLE report_schedules (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      period_kind text NOT NULL CHECK (period_kind IN ('week', 'month', 'quarter')),
      -- Runs on the first working day of each period, at this local time.
      run_at_local time NOT NULL DEFAULT '08:00',
      email_to text[] NOT NULL DEFAULT '{}',
      webhook_url text,
      share_days int NOT NULL DEFAULT 30 CHECK (share_days BETWEEN 1 AND 365),
      enabled boolean NOT NULL DEFAULT true,
      next_run_at timestamptz NOT NULL,
      created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (cardinality(email_to) > 0 OR webhook_url IS NOT NULL)
    );

    -- One row per scheduled run and channel; the unique key makes a second worker's insert a no-op.
    CREATE TABLE report_deliveries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      schedule_id bigint NOT NULL REFERENCES report_schedules (id) ON DELETE CASCADE,
      run_for timestamptz NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
      snapshot_id bigint REFERENCES report_snapshots (id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz,
      leased_by text,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (schedule_id, run_for, channel)
    );
    CREATE INDEX report_deliveries_due ON report_deliveries (next_attempt_at)
      WHERE status = 'pending';
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE report_deliveries;
    DROP TABLE report_schedules;
    DROP TABLE report_share_links;
    DROP TABLE report_snapshots;
    DROP FUNCTION report_snapshots_frozen();
  `.execute(db)
}
