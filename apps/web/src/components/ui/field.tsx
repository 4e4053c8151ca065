import { type InputHTMLAttributes, type Ref, useId } from 'react'

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string
  /** A standing hint under the input ("At least 12 characters"). */
  hint?: string | undefined
  /** What is wrong with the value; announced with the input and marks it invalid. */
  problem?: string | undefined
  ref?: Ref<HTMLInputElement>
}

/** A labelled input with its hint and problem wired to it for screen readers. */
export function Field({ label, hint, problem, id, className, ...input }: FieldProps) {
  const generated = useId()
  const inputId = id ?? generated
  const hintId = `${inputId}-hint`
  const problemId = `${inputId}-problem`
  const describedBy = [hint ? hintId : '', problem ? problemId : ''].filter(Boolean).join(' ')
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field-problem" id={problemId}>
          {problem}
        </p>
      ) : null}
    </div>
  )
}
