import { readdirSync } from 'node:fs'

// Imports point one way (shared/STYLE.md, "Layout"). API: areas never import the Overview or the
// reports, and reach another area only through its queries.ts; lib/ imports no area. SPA:
// features never import each other; app/ composes them.
/** @returns {import("eslint").Linter.Config[]} */
export function importDirection() {
  const AREAS = ['services', 'incidents', 'projects', 'capacity']
  const COMPOSERS = ['overview', 'reports']
  const rule = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
  const api = AREAS.map((area) => ({
    files: [`apps/api/src/${area}/**/*.ts`],
    rules: rule(
      {
        regex: `^(\\.\\./)+(${COMPOSERS.join('|')})/`,
        message: 'Areas never import the Overview or the reports: those compose the areas.',
      },
      {
        regex: `^(\\.\\./)+(${AREAS.filter((a) => a !== area).join('|')})/(?!queries\\.ts$)`,
        message: "Another area's data comes through its queries.ts, never its routes or summary.",
      },
    ),
  }))
  const lib = {
    files: ['apps/api/src/lib/**/*.ts'],
    rules: rule({
      regex: `^(\\.\\./)+(${[...AREAS, ...COMPOSERS].join('|')})/`,
      message: 'lib/ is shared by the areas: it imports none of them.',
    }),
  }
  const features = readdirSync(new URL('apps/web/src/features', import.meta.url))
  const web = features.map((feature) => ({
    files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: rule({
      regex: `(^|/)features/(?!${feature}/)|^(\\.\\./)+(?!${feature}/)(${features.join('|')})/`,
      message: 'Features do not import each other: compose them in app/.',
    }),
  }))
  return [...api, lib, ...web]
}
