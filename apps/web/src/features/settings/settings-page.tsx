import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { QueryErrorState, Skeleton } from '../../components/ui/states.tsx'
import { SettingsFormView } from './components/settings-form.tsx'
import { settingsQueries } from './queries.ts'
import { dailyRollupsMessage } from './transform.ts'

/** The organisation's settings: name, calendar, currency and the RAG thresholds. Admins only. */
export function SettingsPage() {
  const settings = useQuery(settingsQueries.current())
  const [saved, setSaved] = useState('')
  return (
    <section className="admin-section" aria-labelledby="settings-title">
      <title>Settings · Admin · opsdeck</title>
      <header className="section-head">
        <h2 id="settings-title">Settings</h2>
        <p role="status" className="form-success">
          {saved}
        </p>
      </header>
      <QueryErrorState title="Could not load the settings" query={settings} />
      {settings.isPending ? <Skeleton lines={8} /> : null}
      {settings.data ? (
        // A fresh form for each saved version, so it shows what the server now holds.
        <SettingsFormView
          key={settings.data.updatedAt}
          settings={settings.data}
          onEdit={() => setSaved('')}
          onSaved={(result) =>
            setSaved(
              result
                ? `Settings saved.${dailyRollupsMessage(result.dailyRollups)}`
                : 'Nothing to save: no setting was changed.',
            )
          }
        />
      ) : null}
    </section>
  )
}
