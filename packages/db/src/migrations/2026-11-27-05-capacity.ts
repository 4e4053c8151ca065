import { type Kysely, sql } from 'kysely'

// Allocations cover whole ISO weeks: first_week and last_week are Mondays, inclusive.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE allocations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('project', 'run', 'support')),
      project_id bigint REFERENCES projects (id),
      first_week date NOT NULL CHECK (extract(isodow FROM first_week) = 1),
      last_week date NOT NULL CHECK (extract(isodow FROM last_week) = 1),
      hours_per_week numeric(5, 2) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 80),
      note text NOT NULL DEFAULT '',
      CHECK (last_week >= first_week),
      CHECK ((kind = 'project') = (project_id IS NOT NULL))
    );
    CREATE INDEX allocations_person_idx ON allocations (person_id, first_week);
    CREATE INDEX allocations_project_idx ON allocations (project_id);

    CREATE TABLE time_off (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      first_day date NOT NULL,
      last_day date NOT NULL,
      kind text NOT NULL DEFAULT 'annual_leave'
        CHECK (kind IN ('annual_leave', 'sick', 'training', 'other')),
      CHECK (last_day >= first_day)
    );
    CREATE INDEX time_off_person_idx ON time_off (person_id, first_day);

    CREATE TABLE bank_holidays (
      region text NOT NULL,
      day date NOT NULL,
      name text NOT NULL,
      PRIMARY KEY (region, day)
    );
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE bank_holidays; DROP TABLE time_off; DROP TABLE allocations;`.execute(db)
}
