import type { IncidentImpact } from '@opsdeck/contract'
import { useId } from 'react'
import {
  type AffectedRow,
  type DeclareField,
  emptyAffected,
  IMPACT_CHOICES,
} from '../declare-form.ts'
import { SelectField } from '../../../components/ui/select-field.tsx'

interface AffectedServicesFieldsProps {
  rows: readonly AffectedRow[]
  services: readonly { slug: string; name: string }[]
  problems: Partial<Record<DeclareField, string>>
  onChange: (rows: AffectedRow[]) => void
}

/** One row per affected service: which service and how it is affected; rows added and removed. */
export function AffectedServicesFields(props: AffectedServicesFieldsProps) {
  const { rows, services, problems, onChange } = props
  const id = useId()
  const choices = [
    ['', 'Choose a service'] as const,
    ...services.map((s) => [s.slug, s.name] as const),
  ]
  const update = (i: number, change: Partial<AffectedRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)))
  return (
    <fieldset
      className="affected"
      aria-describedby={problems.services ? `${id}-problem` : undefined}
    >
      <legend>Affected services</legend>
      {rows.map((row, i) => (
        <div className="affected-row" key={i} role="group" aria-label={`Affected service ${i + 1}`}>
          <SelectField
            label="Service"
            value={row.slug}
            onChange={(slug) => update(i, { slug })}
            options={choices}
            problem={problems[`services.${i}`]}
          />
          <SelectField
            label="Impact"
            value={row.impact}
            onChange={(impact) => update(i, { impact: impact as IncidentImpact })}
            options={IMPACT_CHOICES}
          />
          {rows.length > 1 ? (
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={`Remove affected service ${i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          ) : null}
        </div>
      ))}
      {problems.services ? (
        <p className="field-problem" id={`${id}-problem`} tabIndex={-1} data-problem>
          {problems.services}
        </p>
      ) : null}
      <button
        type="button"
        className="button button-small button-quiet"
        onClick={() => onChange([...rows, emptyAffected()])}
      >
        Add another service
      </button>
    </fieldset>
  )
}
