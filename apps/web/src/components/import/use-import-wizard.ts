import { useEffect, useRef, useState } from 'react'

// The parts of a preview or commit mutation the wizard drives.
interface Step<V> {
  /** The answer, once there is one: the wizard only asks whether there is. */
  data: unknown
  mutate: (variables: V) => void
  reset: () => void
}

/**
 * An import wizard's state: the kind of file, the file checked, and which step shows. Focus is
 * taken to what each step produced, for keyboard and screen-reader users.
 */
export function useImportWizard<K extends string, F extends { csv: string; name: string }>(
  firstKind: K,
  preview: Step<F & { kind: K }>,
  commit: Step<F & { kind: K }>,
) {
  const [kind, setKind] = useState<K>(firstKind)
  const [chosen, setChosen] = useState<(F & { kind: K }) | null>(null)
  // A new key remounts the steps, emptying the file input and the pasted text (and any reason).
  const [round, setRound] = useState(0)
  const pageHeading = useRef<HTMLHeadingElement>(null)
  const previewHeading = useRef<HTMLHeadingElement>(null)
  const resultHeading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (preview.data) previewHeading.current?.focus()
  }, [preview.data])
  useEffect(() => {
    if (commit.data) resultHeading.current?.focus()
  }, [commit.data])

  const forget = () => {
    preview.reset()
    commit.reset()
  }
  return {
    kind,
    chosen,
    round,
    pageHeading,
    previewHeading,
    resultHeading,
    /** The file, text or kind changed: a preview of the old one no longer applies. */
    forget,
    chooseKind: (k: K) => {
      forget()
      setKind(k)
    },
    check: (file: F) => {
      commit.reset()
      const next = { ...file, kind }
      setChosen(next)
      preview.mutate(next)
    },
    commitChosen: () => {
      if (chosen) commit.mutate(chosen)
    },
    recheck: () => {
      commit.reset()
      if (chosen) preview.mutate(chosen)
    },
    another: () => {
      forget()
      setChosen(null)
      setRound((r) => r + 1)
      pageHeading.current?.focus()
    },
  }
}
