import { type Kysely, sql } from 'kysely'

// Team capacity (issue 11): people get skills, a working pattern (ISO weekdays; part-time Mon–Wed
// is {1,2,3}) and a bank-holiday region of their own (null: the organisation's); team membership
// keeps its history so past weeks stay with the old team; allocations run over any days (not
// whole weeks), book hours a week or a percent of the contract, and are confirmed or tentative;
// time off may be half a day; the organisation has closure days; responders log hours on
// incidents. Bank holidays of England & Wales, Scotland and Northern Ireland are loaded here for
// BANK_HOLIDAY_YEARS, from date-holidays, so a real install has them without the demo.
export const BANK_HOLIDAY_REGIONS = ['GB-ENG', 'GB-SCT', 'GB-NIR'] as const
export const BANK_HOLIDAY_YEARS = { first: 2020, last: 2035 } as const

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE people
      ADD COLUMN skills text[] NOT NULL DEFAULT '{}',
      ADD COLUMN working_days smallint[] NOT NULL DEFAULT '{1,2,3,4,5}'
        CHECK (working_days <@ '{1,2,3,4,5,6,7}' AND cardinality(working_days) BETWEEN 1 AND 7),
      ADD COLUMN bank_holiday_region text CHECK (bank_holiday_region IN ('GB-ENG', 'GB-SCT', 'GB-NIR')),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

    -- people.team_id stays the current team; a move closes one row here and opens the next.
    CREATE TABLE team_memberships (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      team_id bigint NOT NULL REFERENCES teams (id),
      first_day date NOT NULL,
      last_day date,
      CHECK (last_day IS NULL OR last_day >= first_day)
    );
    CREATE INDEX team_memberships_person_idx ON team_memberships (person_id, first_day);
    CREATE INDEX team_memberships_team_idx ON team_memberships (team_id, first_day);
    CREATE UNIQUE INDEX team_memberships_open_idx ON team_memberships (person_id)
      WHERE last_day IS NULL;
    INSERT INTO team_memberships (person_id, team_id, first_day)
      SELECT id, team_id, coalesce(start_date, '2000-01-01') FROM people;
    -- Everyone is in their first team from the start: a person added anywhere (the API, an
    -- import, the demo, a test) gets that row; moves are written by the app, with their day.
    CREATE FUNCTION people_first_membership() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
      INSERT INTO team_memberships (person_id, team_id, first_day)
        VALUES (NEW.id, NEW.team_id, coalesce(NEW.start_date, '2000-01-01'));
      RETURN NEW;
    END $f$;
    CREATE TRIGGER people_first_membership AFTER INSERT ON people
      FOR EACH ROW EXECUTE FUNCTION people_first_membership();

    DO $$
    DECLARE c record;
    BEGIN
      FOR c IN SELECT conname FROM pg_constraint
        WHERE conrelid = 'allocations'::regclass AND contype = 'c'
          AND (pg_get_constraintdef(oid) LIKE '%isodow%' OR pg_get_constraintdef(oid) LIKE '%hours_per_week%')
      LOOP
        EXECUTE format('ALTER TABLE allocations DROP CONSTRAINT %I', c.conname);
      END LOOP;
    END $$;
    ALTER TABLE allocations RENAME COLUMN first_week TO first_day;
    ALTER TABLE allocations RENAME COLUMN last_week TO last_day;
    -- A week's allocation ran Monday to Sunday.
    UPDATE allocations SET last_day = last_day + 6;
    ALTER TABLE allocations
      ALTER COLUMN hours_per_week DROP NOT NULL,
      ADD COLUMN percent numeric(5, 2),
      ADD COLUMN status text NOT NULL DEFAULT 'confirmed'
        CHECK (status IN ('confirmed', 'tentative')),
      ADD COLUMN created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD CONSTRAINT allocations_hours_check
        CHECK (hours_per_week IS NULL OR (hours_per_week > 0 AND hours_per_week <= 80)),
      ADD CONSTRAINT allocations_percent_check
        CHECK (percent IS NULL OR (percent > 0 AND percent <= 200)),
      ADD CONSTRAINT allocations_amount_check CHECK ((hours_per_week IS NULL) <> (percent IS NULL));

    ALTER TABLE time_off
      ADD COLUMN half_day boolean NOT NULL DEFAULT false,
      ADD COLUMN note text NOT NULL DEFAULT '',
      ADD COLUMN created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
      ADD CONSTRAINT time_off_half_day_check CHECK (NOT half_day OR first_day = last_day);

    CREATE TABLE closure_days (
      day date PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE incident_responder_hours (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
      person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      day date NOT NULL,
      hours numeric(4, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
      note text NOT NULL DEFAULT '',
      created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (incident_id, person_id, day)
    );
    CREATE INDEX incident_responder_hours_person_idx ON incident_responder_hours (person_id, day);
  `.execute(db)
  await loadBankHolidays(db)
}

/** Every public holiday of the three regions in BANK_HOLIDAY_YEARS; rows already there are kept. */
export async function loadBankHolidays(db: Kysely<any>): Promise<void> {
  // Loaded here, not at import: the API imports this package and never needs the holiday data.
  const { default: Holidays } = await import('date-holidays')
  const rows: { region: string; day: string; name: string }[] = []
  for (const region of BANK_HOLIDAY_REGIONS) {
    const hd = new Holidays('GB', region.slice(3))
    const seen = new Set<string>()
    for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year++) {
      for (const h of hd.getHolidays(year)) {
        const day = h.date.slice(0, 10)
        if (h.type === 'public' && !seen.has(day)) {
          seen.add(day)
          rows.push({ region, day, name: h.name })
        }
      }
    }
  }
  await db
    .insertInto('bank_holidays')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE incident_responder_hours;
    DROP TABLE closure_days;
    ALTER TABLE time_off DROP CONSTRAINT time_off_half_day_check,
      DROP COLUMN half_day, DROP COLUMN note, DROP COLUMN created_by_user_id, DROP COLUMN created_at;
    -- Back to whole weeks: a tentative or percent allocation has no place there and is dropped.
    DELETE FROM allocations WHERE status = 'tentative' OR hours_per_week IS NULL;
    ALTER TABLE allocations DROP CONSTRAINT allocations_hours_check,
      DROP CONSTRAINT allocations_percent_check, DROP CONSTRAINT allocations_amount_check,
      DROP COLUMN percent, DROP COLUMN status, DROP COLUMN created_by_user_id,
      DROP COLUMN created_at, DROP COLUMN updated_at,
      ALTER COLUMN hours_per_week SET NOT NULL;
    UPDATE allocations SET first_day = first_day - (extract(isodow FROM first_day)::int - 1),
      last_day = last_day - (extract(isodow FROM last_day)::int - 1);
    ALTER TABLE allocations RENAME COLUMN first_day TO first_week;
    ALTER TABLE allocations RENAME COLUMN last_day TO last_week;
    ALTER TABLE allocations
      ADD CHECK (extract(isodow FROM first_week) = 1),
      ADD CHECK (extract(isodow FROM last_week) = 1),
      ADD CHECK (hours_per_week > 0 AND hours_per_week <= 80);
    DROP TRIGGER people_first_membership ON people;
    DROP FUNCTION people_first_membership();
    DROP TABLE team_memberships;
    ALTER TABLE people DROP COLUMN skills, DROP COLUMN working_days,
      DROP COLUMN bank_holiday_region, DROP COLUMN updated_at;
  `.execute(db)
}
