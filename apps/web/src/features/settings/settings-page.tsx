import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { QueryErrorState, Skeleton } from '../../components/ui/states.tsx'
import { IntakeLabelsForm } from './components/intake-labels-form.tsx'
import { ResponseTargetsForm } from './components/response-targets-form.tsx'
import { SettingsFormView } from './components/settings-form.tsx'
import { settingsQueries } from './queries.ts'
import { dailyRollupsMessage } from './transform.ts'
import './settings.css'

/**
 * The organisation's settings (name, calendar, currency, RAG thresholds), the incidents'
 * response targets and the Alertmanager labels. Admins only.
 */
export function SettingsPage() {
  const settings = useQuery(settingsQueries.current())
  const incidents = useQuery(settingsQueries.incidents())
  const [saved, setSaved] = useState('')
  const [targetsSaved, setTargetsSaved] = useState('')
  const [labelsSaved, setLabelsSaved] = useState('')
  return (
    <section className="admin-section" aria-labelledby="settings-title">
      <title>Settings · Admin · opsdeck</title>
      <header className="section-head">
        <h2 id="settings-title">Settings</h2>
      </header>
      <Part id="settings-organisation" title="Organisation settings" saved={saved}>
        <QueryErrorState title="Could not load the settings" query={settings} />
        {settings.isPending ? <Skeleton lines={8} /> : null}
        {settings.data ? (
          // A fresh form for each saved version, so it shows what the server now holds.
          <SettingsFormView
            key={settings.data.updatedAt}
            settings={settings.data}
            labelledBy="settings-organisation"
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
      </Part>
      <Part id="settings-targets" title="Incident response targets" saved={targetsSaved}>
        <p className="section-about">
          How soon after it starts an incident of each severity should be acknowledged and resolved.
          An incident past either target has breached it; breaches are counted against the targets
          in force now, so a change applies to past incidents too.
        </p>
        <QueryErrorState title="Could not load the response targets" query={incidents} />
        {incidents.isPending ? <Skeleton lines={6} /> : null}
        {incidents.data ? (
          <ResponseTargetsForm
            key={JSON.stringify(incidents.data.targets)}
            targets={incidents.data.targets}
            labelledBy="settings-targets"
            onEdit={() => setTargetsSaved('')}
            onReset={() =>
              setTargetsSaved('Defaults filled in: save the response targets to apply them.')
            }
            onSaved={(result) =>
              setTargetsSaved(
                result ? 'Response targets saved.' : 'Nothing to save: no target was changed.',
              )
            }
          />
        ) : null}
      </Part>
      <Part id="settings-alertmanager" title="Alertmanager labels" saved={labelsSaved}>
        <p className="section-about">
          The Prometheus labels of an Alertmanager alert that give its incident a severity and
          affected services. Setting up Alertmanager to send alerts to opsdeck is described in the
          README’s “Alertmanager” section.
        </p>
        <QueryErrorState title="Could not load the Alertmanager labels" query={incidents} />
        {incidents.isPending ? <Skeleton lines={3} /> : null}
        {incidents.data ? (
          <IntakeLabelsForm
            key={JSON.stringify(incidents.data.intake)}
            labels={incidents.data.intake}
            labelledBy="settings-alertmanager"
            onEdit={() => setLabelsSaved('')}
            onSaved={(result) =>
              setLabelsSaved(result ? 'Labels saved.' : 'Nothing to save: no label was changed.')
            }
          />
        ) : null}
      </Part>
    </section>
  )
}

/** One part of the page: its heading, what its last save did (announced), and its form. */
function Part(props: { id: string; title: string; saved: string; children: ReactNode }) {
  return (
    <section className="settings-part" aria-labelledby={props.id}>
      <div className="section-head">
        <h3 id={props.id}>{props.title}</h3>
        <p role="status" className="form-success">
          {props.saved}
        </p>
      </div>
      {props.children}
    </section>
  )
}
