import { type Kysely, sql } from 'kysely'

// Money is integer pence (bigint). BAC is the sum of a project's budget lines.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE projects (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      owner_person_id bigint REFERENCES people (id),
      sponsor text NOT NULL DEFAULT '',
      start_date date NOT NULL,
      end_date date NOT NULL,
      status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('proposed', 'active', 'on_hold', 'completed', 'cancelled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date >= start_date)
    );

    CREATE TABLE project_budget_lines (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      category text NOT NULL,
      spend_type text NOT NULL CHECK (spend_type IN ('capex', 'opex')),
      amount_pence bigint NOT NULL CHECK (amount_pence >= 0)
    );
    CREATE INDEX project_budget_lines_project_idx ON project_budget_lines (project_id);

    -- The baseline plan: planned spend per calendar month (month = its first day).
    CREATE TABLE project_baseline (
      project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      planned_pence bigint NOT NULL CHECK (planned_pence >= 0),
      PRIMARY KEY (project_id, month)
    );

    CREATE TABLE cost_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      budget_line_id bigint REFERENCES project_budget_lines (id),
      incurred_on date NOT NULL,
      amount_pence bigint NOT NULL,
      spend_type text NOT NULL CHECK (spend_type IN ('capex', 'opex')),
      supplier text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX cost_entries_project_idx ON cost_entries (project_id, incurred_on);

    CREATE TABLE project_progress (
      project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      as_of date NOT NULL,
      percent_complete numeric(5, 2) NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
      note text NOT NULL DEFAULT '',
      PRIMARY KEY (project_id, as_of)
    );
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE project_progress; DROP TABLE cost_entries; DROP TABLE project_baseline;
    DROP TABLE project_budget_lines; DROP TABLE projects;
  `.execute(db)
}
