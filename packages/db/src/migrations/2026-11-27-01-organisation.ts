import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE organisation_settings (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      name text NOT NULL DEFAULT 'Our organisation',
      timezone text NOT NULL DEFAULT 'Europe/London',
      currency char(3) NOT NULL DEFAULT 'GBP',
      bank_holiday_region text NOT NULL DEFAULT 'GB-ENG',
      -- True when the data is the generated demo: the worker then simulates checks instead of probing.
      demo_data boolean NOT NULL DEFAULT false,
      working_days_per_week smallint NOT NULL DEFAULT 5 CHECK (working_days_per_week BETWEEN 1 AND 7),
      rag_thresholds jsonb NOT NULL DEFAULT
        '{"red":{"cpi":0.85,"spi":0.85,"eacOverBac":1.10},"amber":{"cpi":0.95,"spi":0.95,"eacOverBac":1.00}}',
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO organisation_settings DEFAULT VALUES;

    CREATE TABLE teams (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE people (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      team_id bigint NOT NULL REFERENCES teams (id),
      name text NOT NULL,
      email text UNIQUE,
      role text NOT NULL,
      contracted_hours_per_week numeric(5, 2) NOT NULL CHECK (contracted_hours_per_week BETWEEN 0 AND 80),
      cost_rate_pence_per_hour bigint NOT NULL DEFAULT 0 CHECK (cost_rate_pence_per_hour >= 0),
      start_date date,
      end_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
    );
    CREATE INDEX people_team_id_idx ON people (team_id);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE people; DROP TABLE teams; DROP TABLE organisation_settings;`.execute(db)
}
