import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react'
import { Field } from '../ui/field.tsx'
import { byteSize, formatBytes, type ImportKindSpec, tooLarge } from './import-files.ts'

export interface ChosenCsv {
  csv: string
  /** The file's name, or "The pasted text". */
  name: string
}

interface ImportSourceStepProps {
  spec: ImportKindSpec
  pending: boolean
  /** Why the last check failed (the API could not be reached, a refusal), if it did. */
  failure: string | null
  onCheck: (file: ChosenCsv) => void
  /** The file or text changed: a preview of the old one no longer applies. */
  onEdit: () => void
  /** Fields the kind asks for beside the file (a plan's reason), under the pasted text. */
  children?: ReactNode
  /** Their check, made with the file's on submit: false keeps the file from being checked. */
  checkMore?: () => boolean
}

/** Step 2: a CSV file read in the browser (or pasted), refused here when larger than the API takes. */
export function ImportSourceStep(props: ImportSourceStepProps) {
  const { spec, pending, failure, onCheck, onEdit, children, checkMore } = props
  const id = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [pasted, setPasted] = useState('')
  const [reading, setReading] = useState(false)
  const [problem, setProblem] = useState<string | undefined>()

  const choose = async (input: HTMLInputElement) => {
    onEdit()
    setProblem(undefined)
    setPasted('')
    setFile(null)
    const chosen = input.files?.[0]
    if (!chosen) return
    // The size is known before reading: a file the API would refuse is never read or sent.
    const large = tooLarge(chosen.name, chosen.size)
    if (large) {
      input.value = ''
      setProblem(large)
      return
    }
    setReading(true)
    try {
      setFile({ name: chosen.name, text: await chosen.text() })
    } catch {
      input.value = ''
      setProblem(`${chosen.name} could not be read: choose it again`)
    } finally {
      setReading(false)
    }
  }

  const paste = (text: string) => {
    onEdit()
    setProblem(undefined)
    setPasted(text)
    if (file && fileInput.current) fileInput.current.value = ''
    setFile(null)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const csv = file?.text ?? pasted
    const name = file?.name ?? 'The pasted text'
    const found = !csv.trim()
      ? 'Choose a CSV file, or paste its text below'
      : (tooLarge(name, byteSize(csv)) ?? undefined)
    const more = checkMore ? checkMore() : true
    setProblem(found)
    if (!found && more) onCheck({ csv, name })
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
        label={`CSV file of ${spec.label.toLowerCase()}`}
        type="file"
        accept=".csv,text/csv"
        ref={fileInput}
        onChange={(e) => void choose(e.target)}
        hint={
          file
            ? `${file.name}, ${formatBytes(byteSize(file.text))}: read, not yet sent`
            : `At most ${formatBytes(MAX_IMPORT_BYTES)}; it is read here and sent only when you check it`
        }
        problem={problem}
      />
      <div className="field">
        <label htmlFor={`${id}-paste`}>Or paste the CSV</label>
        <textarea
          id={`${id}-paste`}
          className="import-paste"
          rows={5}
          spellCheck={false}
          value={pasted}
          placeholder={spec.example.split('\r\n').slice(0, 2).join('\n')}
          onChange={(e) => paste(e.target.value)}
        />
      </div>
      {children}
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
