import { useId } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { type FieldName, type Level, LEVELS, type SettingsForm } from '../transform.ts'

const LEVEL_NAMES: Record<Level, string> = { red: 'Red', amber: 'Amber' }
const ONE_COLUMN = { gridTemplateColumns: 'minmax(0, 1fr)' }

interface Props {
  rag: SettingsForm['rag']
  problems: Partial<Record<FieldName, string>>
  onChange: (rag: SettingsForm['rag']) => void
}

/** Six limits, red and amber, with the rule that uses them said in words. */
export function ThresholdsFieldset({ rag, problems, onChange }: Props) {
  const id = useId()
  const set =
    (level: Level, key: keyof SettingsForm['rag'][Level]) => (e: { target: { value: string } }) =>
      onChange({ ...rag, [level]: { ...rag[level], [key]: e.target.value } })
  const number = { type: 'number', inputMode: 'decimal', required: true } as const
  return (
    // One column no wider than the form: an auto column would grow to the inner grid's width.
    <fieldset className="field" aria-describedby={`${id}-rule`} style={ONE_COLUMN}>
      <legend>RAG thresholds for project budgets</legend>
      <p className="field-hint" id={`${id}-rule`}>
        A project is red when its CPI or SPI falls below the red limit, or its forecast cost (EAC)
        rises above the red share of its budget (BAC); otherwise amber by the amber limits;
        otherwise green. Red must be the stricter: its CPI and SPI limits below amber’s, its EAC
        limit above amber’s. CPI and SPI are 1.00 on plan (limits above 0, at most 2); EAC is 100%
        of BAC on budget (limits from 100% to 300%).
      </p>
      {problems.rag ? (
        <p className="field-problem" tabIndex={-1} data-problem>
          {problems.rag}
        </p>
      ) : null}
      <div className="grid-form">
        {/* Groups, not nested fieldsets: the grid gives each fieldset a whole row. */}
        {LEVELS.map((level) => (
          <div key={level} role="group" className="stack-form" aria-labelledby={`${id}-${level}`}>
            <p id={`${id}-${level}`}>
              <strong>{LEVEL_NAMES[level]} when</strong>
            </p>
            <Field
              label="CPI below"
              {...number}
              min={0.001}
              max={2}
              step={0.001}
              value={rag[level].cpi}
              onChange={set(level, 'cpi')}
              problem={problems[`rag.${level}.cpi`]}
            />
            <Field
              label="SPI below"
              {...number}
              min={0.001}
              max={2}
              step={0.001}
              value={rag[level].spi}
              onChange={set(level, 'spi')}
              problem={problems[`rag.${level}.spi`]}
            />
            <Field
              label="EAC above (% of BAC)"
              {...number}
              min={100}
              max={300}
              step={0.1}
              value={rag[level].eacPercent}
              onChange={set(level, 'eacPercent')}
              problem={problems[`rag.${level}.eacPercent`]}
            />
          </div>
        ))}
      </div>
    </fieldset>
  )
}
