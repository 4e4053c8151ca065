import { useEffect, useId, useRef, useState } from 'react'
import type { CreatedToken } from '../queries.ts'

type CopyState = 'idle' | 'copied' | 'failed'

/** The new token, shown once: copy it now, because it is stored only as a hash. */
export function TokenReveal({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const [copy, setCopy] = useState<CopyState>('idle')

  // Move focus to the news, so keyboard and screen reader users land on it.
  useEffect(() => heading.current?.focus(), [])

  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(token.token)
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
        Token “{token.name}” created
      </h3>
      <p className="token-warning">
        <strong>This is the only time the token is shown.</strong> Copy it now and keep it in a
        secrets manager; opsdeck stores only a hash and cannot show it again.
      </p>
      <div className="token-value">
        <label htmlFor={`${id}-token`} className="visually-hidden">
          API token
        </label>
        <input
          ref={input}
          id={`${id}-token`}
          className="mono"
          readOnly
          value={token.token}
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={() => void copyToken()}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p role="status" className="small muted">
        {copy === 'copied' ? 'Copied to the clipboard.' : ''}
        {copy === 'failed' ? 'Could not copy automatically: it is selected, press Ctrl+C.' : ''}
      </p>
      <p className="small muted">
        Scopes: {token.scopes.join(', ')}. Send it as <code>Authorization: Bearer {'<token>'}</code>
        .
      </p>
      <button type="button" className="button button-quiet" onClick={onDone}>
        I have copied it
      </button>
    </section>
  )
}
