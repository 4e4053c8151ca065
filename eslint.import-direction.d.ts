import type { Linter } from 'eslint'

export function importDirection(): Linter.Config[]
