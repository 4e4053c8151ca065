import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { ApiError } from '../../../lib/api.ts'
import { type CheckForm, checkFieldOf, checkFormOf, toCheckPatch } from '../check-form.ts'
import { formProblems } from '../../../lib/form-problems.ts'
import { type ServiceDetail, useUpdateService } from '../queries.ts'
import { CheckFields } from './check-fields.tsx'
import { FormFooter } from '../../../components/ui/form-footer.tsx'

interface CheckFormProps {
  slug: string
  check: ServiceDetail['check']
  onDone: (message: string) => void
  onCancel: () => void
}

/** Edits the check; the API judges the check as a whole and its messages land by their field. */
export function CheckFormView({ slug, check, onDone, onCancel }: CheckFormProps) {
  const id = useId()
  const update = useUpdateService(slug)
  const [form, setForm] = useState<CheckForm>(() => checkFormOf(check))

  // A refused save moves focus to its first problem, so keyboard and screen-reader users hear it.
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!update.error) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [update.error])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const patch = toCheckPatch(form, check)
    if (Object.keys(patch).length === 0) return onDone('Nothing to save: the check is unchanged.')
    update.mutateAsync({ check: patch }).then(
      () => onDone('Check saved.'),
      () => {},
    )
  }
  const apiError = update.error instanceof ApiError ? update.error : null
  const problems = formProblems(apiError, 'json.check', checkFieldOf)
  const other = problems.other ?? (update.error && !apiError ? update.error.message : null)
  return (
    <form
      ref={formRef}
      className="panel grid-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h3 id={`${id}-title`}>Edit the check</h3>
      <CheckFields form={form} setForm={setForm} problems={problems.fields} />
      <FormFooter
        other={other}
        pending={update.isPending}
        submit="Save check"
        pendingLabel="Saving…"
        onCancel={onCancel}
      />
    </form>
  )
}
