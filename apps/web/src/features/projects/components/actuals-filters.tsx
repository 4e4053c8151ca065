import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS } from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { FilterSearch } from '../../../components/ui/filter-search.tsx'
import { type ActualsFilters as Filters, hasActualsFilters } from '../actuals-form.ts'

interface ActualsFiltersProps {
  filters: Filters
  onChange: (filters: Filters) => void
}

/**
 * Dates and the category apply when chosen; the supplier and the search on Search, so typing
 * does not push a history entry per letter. Keyed by the URL, so Back refills it.
 */
export function ActualsFilters({ filters, onChange }: ActualsFiltersProps) {
  const id = useId()
  const [supplier, setSupplier] = useState(filters.supplier ?? '')
  const [q, setQ] = useState(filters.q ?? '')
  const choose = (change: Partial<Filters>) => onChange({ ...filters, ...change })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    choose({ supplier: supplier.trim() || undefined, q: q.trim() || undefined })
  }
  const day = (key: 'from' | 'to', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="date"
        value={filters[key] ?? ''}
        onChange={(e) => choose({ [key]: e.target.value || undefined })}
      />
    </div>
  )
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter cost entries">
      {day('from', 'From')}
      {day('to', 'To')}
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select
          id={`${id}-category`}
          value={filters.category ?? ''}
          onChange={(e) =>
            choose({ category: (e.target.value || undefined) as Filters['category'] })
          }
        >
          <option value="">Any</option>
          {BUDGET_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {BUDGET_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-supplier`}>Supplier</label>
        <input
          id={`${id}-supplier`}
          value={supplier}
          placeholder="Exact name"
          onChange={(e) => setSupplier(e.target.value)}
        />
      </div>
      <FilterSearch
        value={q}
        onChange={setQ}
        placeholder="Reference, description, supplier"
        onClear={hasActualsFilters(filters) ? () => onChange({}) : undefined}
      />
    </form>
  )
}
