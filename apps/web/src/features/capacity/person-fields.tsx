import {
  BANK_HOLIDAY_REGION_LABELS,
  BANK_HOLIDAY_REGIONS,
  type BankHolidayRegion,
  WEEKDAY_LABELS,
} from '@opsdeck/contract'
import { type Dispatch, type SetStateAction, useId } from 'react'
import { SelectField } from '../../components/ui/select-field.tsx'

const WEEKDAYS = WEEKDAY_LABELS.map((label, i) => [i + 1, label] as const)

interface WorkPattern {
  /** ISO weekdays ticked. */
  days: number[]
  region: '' | BankHolidayRegion
}

interface WorkPatternFieldsProps<F extends WorkPattern> {
  form: F
  setForm: Dispatch<SetStateAction<F>>
  problems: { days?: string | undefined; region?: string | undefined }
  /** The region the empty choice stands for, named in it when known. */
  organisationRegion?: BankHolidayRegion | null
}

/** Working days and bank-holiday region: the same two fields in the add and the edit form. */
export function WorkPatternFields<F extends WorkPattern>(props: WorkPatternFieldsProps<F>) {
  const { form, setForm, problems: p, organisationRegion } = props
  const id = useId()
  const toggle = (day: number, on: boolean) =>
    setForm((f) => ({ ...f, days: on ? [...f.days, day] : f.days.filter((d) => d !== day) }))
  const orgRegion = organisationRegion ? ` (${BANK_HOLIDAY_REGION_LABELS[organisationRegion]})` : ''
  return (
    <>
      <fieldset className="field person-days" aria-describedby={p.days ? `${id}-days` : undefined}>
        <legend>Working days</legend>
        <div className="person-days-list">
          {WEEKDAYS.map(([day, label]) => (
            <label key={day} className="check">
              <input
                type="checkbox"
                checked={form.days.includes(day)}
                onChange={(e) => toggle(day, e.target.checked)}
                aria-invalid={p.days ? true : undefined}
              />
              {label}
            </label>
          ))}
        </div>
        {p.days ? (
          <p className="field-problem" id={`${id}-days`}>
            {p.days}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        label="Bank holidays"
        value={form.region}
        onChange={(v) => setForm((f) => ({ ...f, region: v as '' | BankHolidayRegion }))}
        options={[
          ['', `The organisation’s${orgRegion}`],
          ...BANK_HOLIDAY_REGIONS.map((r) => [r, BANK_HOLIDAY_REGION_LABELS[r]] as const),
        ]}
        problem={p.region}
      />
    </>
  )
}
