import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Field } from '../../components/ui/field.tsx'
import { FormFooter } from '../../components/ui/form-footer.tsx'
import { ApiError } from '../../lib/api.ts'
import { formProblems } from '../../lib/form-problems.ts'
import { type CreatedShareLink, sharedUrl, useCreateShareLink } from './share-queries.ts'

const DEFAULT_DAYS = 30

/** A new share link's lifetime and label, then, once made, its address shown this once. */
export function ShareLinkForm({ snapshotId, onDone }: { snapshotId: number; onDone: () => void }) {
  const id = useId()
  const create = useCreateShareLink(snapshotId)
  const [days, setDays] = useState(String(DEFAULT_DAYS))
  const [label, setLabel] = useState('')
  const [local, setLocal] = useState<string | null>(null)
  if (create.data) {
    return (
      <ShareLinkReveal
        link={create.data}
        onDone={() => {
          create.reset()
          onDone()
        }}
      />
    )
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const n = Number(days)
    const problem =
      Number.isInteger(n) && n >= 1 && n <= 365 ? null : 'A whole number of days, 1 to 365'
    setLocal(problem)
    if (!problem) create.mutate({ days: n, ...(label.trim() ? { label: label.trim() } : {}) })
  }
  const apiError = create.error instanceof ApiError ? create.error : null
  const fromApi = formProblems(apiError, 'json', (k) => (k === 'days' || k === 'label' ? k : null))
  return (
    <form className="panel grid-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>New share link</h3>
      <Field
        label="Opens for (days)"
        hint="1 to 365; the link stops working after that"
        type="number"
        min={1}
        max={365}
        inputMode="numeric"
        value={days}
        onChange={(e) => setDays(e.target.value)}
        problem={local ?? fromApi.fields.days}
        autoFocus
      />
      <Field
        label="Label (optional)"
        hint="Who it is for: “Board pack, December”"
        value={label}
        maxLength={100}
        autoComplete="off"
        onChange={(e) => setLabel(e.target.value)}
        problem={fromApi.fields.label}
      />
      <FormFooter
        other={fromApi.other ?? (create.error && !apiError ? create.error.message : null)}
        pending={create.isPending}
        submit="Create link"
        pendingLabel="Creating…"
        onCancel={onDone}
      />
    </form>
  )
}

/** The link's address, this once: only a hash of its token is kept. */
function ShareLinkReveal({ link, onDone }: { link: CreatedShareLink; onDone: () => void }) {
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  const url = sharedUrl(link.token)
  useEffect(() => heading.current?.focus(), [])
  const copyUrl = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopy('copied')
    } catch {
      // No clipboard (insecure origin, permissions): select it so Ctrl+C works.
      input.current?.select()
      setCopy('failed')
    }
  }
  return (
    <section className="panel token-reveal" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Share link created
      </h3>
      <p className="token-warning">
        <strong>This is the only time the link is shown.</strong> Copy it now: anyone who has it can
        open this report until it expires or is revoked.
      </p>
      <div className="token-value">
        <label htmlFor={`${id}-url`} className="visually-hidden">
          Share link address
        </label>
        <input
          ref={input}
          id={`${id}-url`}
          className="mono"
          readOnly
          value={url}
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={() => void copyUrl()}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p role="status" className="small muted">
        {copy === 'copied' ? 'Copied to the clipboard.' : ''}
        {copy === 'failed' ? 'Could not copy automatically: it is selected, press Ctrl+C.' : ''}
      </p>
      <button type="button" className="button button-quiet" onClick={onDone}>
        Done
      </button>
    </section>
  )
}
