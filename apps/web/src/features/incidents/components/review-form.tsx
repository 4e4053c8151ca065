import { INCIDENT_TEXT_MAX_LENGTH } from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { ApiError } from '../../../lib/api.ts'
import {
  REVIEW_PARTS,
  type ReviewForm as Form,
  reviewFormOf,
  reviewProblems,
  toReviewBody,
} from '../follow-up-forms.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import { type IncidentDetail, useSaveReview } from '../queries.ts'
import { FormFooter } from '../../../components/ui/form-footer.tsx'
import { TextArea } from '../../../components/ui/text-area.tsx'

interface ReviewFormProps {
  refId: string
  review: IncidentDetail['review']
  title: string
  onDone: () => void
}

type Part = (typeof REVIEW_PARTS)[number][0]
const isPart = (key: string): key is Part => REVIEW_PARTS.some(([k]) => k === key)

/** The whole review, saved at once; "completed" is what lets a SEV1/SEV2 incident close. */
export function ReviewForm({ refId, review, title, onDone }: ReviewFormProps) {
  const id = useId()
  const save = useSaveReview(refId)
  const [form, setForm] = useState<Form>(() => reviewFormOf(review))
  const [local, setLocal] = useState<{ rootCause?: string }>({})
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = reviewProblems(form)
    setLocal(found)
    if (found.rootCause) return
    save.mutate(toReviewBody(form), { onSuccess: onDone })
  }
  const apiError = save.error instanceof ApiError ? save.error : null
  const fromApi = formProblems(apiError, 'json', (key) => (isPart(key) ? key : null))
  const p: Partial<Record<Part, string>> = { ...fromApi.fields, ...local }
  const other = fromApi.other ?? (save.error && !apiError ? save.error.message : null)
  return (
    <form
      className="panel grid-form incident-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {REVIEW_PARTS.map(([key, label], i) => (
        <TextArea
          key={key}
          label={label}
          className="field-wide"
          rows={3}
          value={form[key]}
          onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
          maxLength={INCIDENT_TEXT_MAX_LENGTH}
          autoFocus={i === 0}
          problem={p[key]}
        />
      ))}
      <label className="check field-wide">
        <input
          type="checkbox"
          checked={form.completed}
          onChange={(e) => setForm((f) => ({ ...f, completed: e.target.checked }))}
        />
        The review is complete (a SEV1 or SEV2 incident can be closed once it is)
      </label>
      <FormFooter
        other={other}
        pending={save.isPending}
        submit="Save review"
        pendingLabel="Saving…"
        onCancel={onDone}
      />
    </form>
  )
}
