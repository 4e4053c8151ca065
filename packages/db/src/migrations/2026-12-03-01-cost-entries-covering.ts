import { type Kysely, sql } from 'kysely'

// The portfolio, the projects summary and the Overview sum every project's cost entries by day,
// capex/opex and category: with those columns in the index the sums are index-only scans instead
// of reads of entries scattered over the table (docs/benchmarks.md, 2026-12-03: the portfolio of
// 300 projects and 500k entries 108 → 46 ms).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX cost_entries_project_idx;
    CREATE INDEX cost_entries_project_idx ON cost_entries (project_id, incurred_on)
      INCLUDE (amount_pence, spend_type, category);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX cost_entries_project_idx;
    CREATE INDEX cost_entries_project_idx ON cost_entries (project_id, incurred_on);
  `.execute(db)
}
