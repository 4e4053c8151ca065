import { type Kysely, sql } from 'kysely'

// Projects and budgets (issue 10): the five statuses (completed → closed), budget lines by one of
// six categories with their own name, versioned baselines (a re-baseline keeps the old plan with
// who, when and why), cost entries with a category and a reference that a re-import is
// deduplicated by, and who recorded progress.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DO $$
    DECLARE c record;
    BEGIN
      FOR c IN SELECT conname FROM pg_constraint
        WHERE conrelid = 'projects'::regclass AND contype = 'c'
          AND pg_get_constraintdef(oid) LIKE '%status%'
      LOOP
        EXECUTE format('ALTER TABLE projects DROP CONSTRAINT %I', c.conname);
      END LOOP;
    END $$;
    UPDATE projects SET status = 'closed' WHERE status = 'completed';
    ALTER TABLE projects
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD CONSTRAINT projects_status_check
        CHECK (status IN ('proposed', 'active', 'on_hold', 'closed', 'cancelled')),
      ADD CONSTRAINT projects_code_check CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$');

    -- The free-text label becomes the line's name; the category is one of six.
    ALTER TABLE project_budget_lines RENAME COLUMN category TO name;
    ALTER TABLE project_budget_lines ADD COLUMN category text;
    UPDATE project_budget_lines SET category = ${categoryOf('name')};
    ALTER TABLE project_budget_lines
      ALTER COLUMN category SET NOT NULL,
      ADD CONSTRAINT project_budget_lines_category_check CHECK (category IN ${CATEGORIES});

    -- Baselines are versions; the plan rows belong to one. The highest version is current.
    CREATE TABLE project_baselines (
      project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      version int NOT NULL CHECK (version >= 1),
      reason text NOT NULL DEFAULT '',
      created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (project_id, version)
    );
    INSERT INTO project_baselines (project_id, version, reason, created_at)
      SELECT p.id, 1, 'Original baseline', p.created_at FROM projects p
      WHERE EXISTS (SELECT 1 FROM project_baseline b WHERE b.project_id = p.id);
    ALTER TABLE project_baseline ADD COLUMN version int NOT NULL DEFAULT 1;
    ALTER TABLE project_baseline ALTER COLUMN version DROP DEFAULT,
      DROP CONSTRAINT project_baseline_pkey,
      ADD PRIMARY KEY (project_id, version, month),
      ADD CONSTRAINT project_baseline_version_fkey FOREIGN KEY (project_id, version)
        REFERENCES project_baselines (project_id, version) ON DELETE CASCADE;

    -- Actuals: a category (from the budget line where there is one), a reference (an invoice or
    -- journal number) unique within the project, and who entered it.
    ALTER TABLE cost_entries
      ADD COLUMN category text,
      ADD COLUMN reference text NOT NULL DEFAULT '',
      ADD COLUMN created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL;
    UPDATE cost_entries c SET category = coalesce(
      (SELECT b.category FROM project_budget_lines b WHERE b.id = c.budget_line_id), 'services');
    ALTER TABLE cost_entries
      ALTER COLUMN category SET NOT NULL,
      ADD CONSTRAINT cost_entries_category_check CHECK (category IN ${CATEGORIES});
    ALTER TABLE cost_entries DROP CONSTRAINT cost_entries_budget_line_id_fkey,
      ADD CONSTRAINT cost_entries_budget_line_id_fkey FOREIGN KEY (budget_line_id)
        REFERENCES project_budget_lines (id) ON DELETE SET NULL;
    CREATE UNIQUE INDEX cost_entries_reference_idx ON cost_entries (project_id, reference)
      WHERE reference <> '';
    CREATE INDEX cost_entries_supplier_idx ON cost_entries (incurred_on, supplier);

    ALTER TABLE project_progress
      ADD COLUMN recorded_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
  `.execute(db)
}

const CATEGORIES = sql.raw(`('labour', 'licences', 'hardware', 'cloud', 'services', 'contingency')`)

// The demo's and early users' free-text lines, read into the six categories.
function categoryOf(column: string) {
  return sql.raw(`CASE
    WHEN ${column} ~* 'staff|contractor|labour|people|salar' THEN 'labour'
    WHEN ${column} ~* 'licen[cs]e|subscription|software' THEN 'licences'
    WHEN ${column} ~* 'hardware|device|laptop|server|equipment|disposal' THEN 'hardware'
    WHEN ${column} ~* 'cloud|azure|aws|gcp|consumption|hosting' THEN 'cloud'
    WHEN ${column} ~* 'contingency|risk' THEN 'contingency'
    ELSE 'services' END`)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE project_progress DROP COLUMN recorded_by_user_id, DROP COLUMN recorded_at;
    DROP INDEX cost_entries_supplier_idx;
    DROP INDEX cost_entries_reference_idx;
    ALTER TABLE cost_entries DROP CONSTRAINT cost_entries_budget_line_id_fkey,
      ADD CONSTRAINT cost_entries_budget_line_id_fkey FOREIGN KEY (budget_line_id)
        REFERENCES project_budget_lines (id);
    ALTER TABLE cost_entries DROP COLUMN category, DROP COLUMN reference,
      DROP COLUMN created_by_user_id;
    -- Only the current plan fits the old one-plan-per-project table.
    DELETE FROM project_baseline b WHERE version < (SELECT max(version)
      FROM project_baselines v WHERE v.project_id = b.project_id);
    ALTER TABLE project_baseline DROP CONSTRAINT project_baseline_version_fkey,
      DROP CONSTRAINT project_baseline_pkey, DROP COLUMN version,
      ADD PRIMARY KEY (project_id, month);
    DROP TABLE project_baselines;
    ALTER TABLE project_budget_lines DROP COLUMN category;
    ALTER TABLE project_budget_lines RENAME COLUMN name TO category;
    ALTER TABLE projects DROP CONSTRAINT projects_status_check,
      DROP CONSTRAINT projects_code_check, DROP COLUMN updated_at;
    UPDATE projects SET status = 'completed' WHERE status = 'closed';
    ALTER TABLE projects ADD CONSTRAINT projects_status_check
      CHECK (status IN ('proposed', 'active', 'on_hold', 'completed', 'cancelled'));
  `.execute(db)
}
