import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import { importDirection } from '../../../eslint.import-direction.js'

// The lint rules that keep imports pointing one way, run on probe files: each must refuse the
// import against the direction and allow the one along it.
const root = new URL('../../../', import.meta.url).pathname
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ languageOptions: { parser: tseslint.parser } }, ...importDirection()],
})

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath })
  return result?.messages.map((m) => m.ruleId) ?? []
}

describe('import direction', () => {
  it('keeps areas from importing the Overview, and other areas except through queries.ts', async () => {
    const area = 'apps/api/src/services/probe.ts'
    expect(await problems(area, "import '../overview/routes.ts'")).toEqual([
      'no-restricted-imports',
    ])
    expect(await problems(area, "import '../incidents/routes.ts'")).toEqual([
      'no-restricted-imports',
    ])
    expect(await problems(area, "import '../incidents/queries.ts'")).toEqual([])
    expect(await problems(area, "import '../lib/range.ts'")).toEqual([])
  })

  it('keeps lib/ free of the areas', async () => {
    const lib = 'apps/api/src/lib/probe.ts'
    expect(await problems(lib, "import '../projects/queries.ts'")).toEqual([
      'no-restricted-imports',
    ])
  })

  it('keeps SPA features from importing each other', async () => {
    const tile = 'apps/web/src/features/services/components/probe.tsx'
    expect(await problems(tile, "import '../../capacity/transform.ts'")).toEqual([
      'no-restricted-imports',
    ])
    expect(await problems(tile, "import '../transform.ts'")).toEqual([])
    expect(await problems(tile, "import '../../../lib/format.ts'")).toEqual([])
  })
})
