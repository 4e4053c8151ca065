import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import {
  byteSize,
  formatBytes,
  IMPORT_KINDS,
  type ImportKind,
  tooLarge,
} from '../import-transform.ts'

export interface ChosenFile {
  csv: string
  /** The file's name, or "the pasted text". */
  name: string
  reason: string
}

interface ImportSourceProps {
  kind: ImportKind
  pending: boolean
  /** Why the last check failed (the API could not be reached, a refusal), if it did. */
  failure: string | null
  onCheck: (file: ChosenFile) => void
  /** The file, text or reason changed: a preview of the old one no longer applies. */
  onEdit: () => void
}

/** Step 2: a CSV file read in the browser (or pasted), refused here when larger than the API takes. */
export function ImportSourceStep({ kind, pending, failure, onCheck, onEdit }: ImportSourceProps) {
  const id = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [pasted, setPasted] = useState('')
  const [reason, setReason] = useState('')
  const [reading, setReading] = useState(false)
  const [problems, setProblems] = useState<{ source?: string; reason?: string }>({})
  const planned = kind === 'baselines'

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    onEdit()
    setProblems({})
    setPasted('')
    const chosen = e.target.files?.[0]
    setFile(null)
    if (!chosen) return
    // The size is known before reading: a file the API would refuse is never read or sent.
    const large = tooLarge(chosen.name, chosen.size)
    if (large) {
      e.target.value = ''
      setProblems({ source: large })
      return
    }
    setReading(true)
    try {
      setFile({ name: chosen.name, text: await chosen.text() })
    } catch {
      e.target.value = ''
      setProblems({ source: `${chosen.name} could not be read: choose it again` })
    } finally {
      setReading(false)
    }
  }

  const paste = (text: string) => {
    onEdit()
    setProblems({})
    setPasted(text)
    if (file && fileInput.current) fileInput.current.value = ''
    setFile(null)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const csv = file?.text ?? pasted
    const name = file?.name ?? 'The pasted text'
    const found: typeof problems = {}
    if (!csv.trim()) found.source = 'Choose a CSV file, or paste its text below'
    else found.source = tooLarge(name, byteSize(csv)) ?? undefined
    if (planned && !reason.trim()) found.reason = 'Say why the plan changes: it is kept with it'
    setProblems(found)
    if (found.source || found.reason) return
    onCheck({ csv, name, reason: reason.trim() })
  }

  return (
    <form
      className="panel import-step stack-form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      noValidate
    >
      <h2 id={`${id}-title`}>2. Choose the file</h2>
      <Field
        label={`CSV file of ${IMPORT_KINDS[kind].label.toLowerCase()}`}
        type="file"
        accept=".csv,text/csv"
        ref={fileInput}
        onChange={(e) => void choose(e)}
        hint={
          file
            ? `${file.name}, ${formatBytes(byteSize(file.text))}: read, not yet sent`
            : `At most ${formatBytes(MAX_IMPORT_BYTES)}; it is read here and sent only when you check it`
        }
        problem={problems.source}
      />
      <div className="field">
        <label htmlFor={`${id}-paste`}>Or paste the CSV</label>
        <textarea
          id={`${id}-paste`}
          className="import-paste"
          rows={5}
          spellCheck={false}
          value={pasted}
          placeholder={IMPORT_KINDS[kind].example.split('\r\n').slice(0, 2).join('\n')}
          onChange={(e) => paste(e.target.value)}
        />
      </div>
      {planned ? (
        <Field
          label="Reason for the new baseline"
          hint="Kept with each new baseline version, e.g. “Scope change approved by the board”"
          value={reason}
          maxLength={500}
          onChange={(e) => {
            onEdit()
            setReason(e.target.value)
          }}
          problem={problems.reason}
        />
      ) : null}
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending || reading}>
          {pending ? 'Checking…' : reading ? 'Reading the file…' : 'Check the file'}
        </button>
      </div>
    </form>
  )
}
