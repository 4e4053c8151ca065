import { KPI_DEFINITIONS } from '@opsdeck/kpi'
import { definitionText } from '../../../components/ui/how-computed.tsx'
import { formatDay } from '../../../lib/format.ts'
import { evmRows } from '../detail-transform.ts'
import type { ProjectEvm } from '../queries.ts'

/** Every earned value figure with the definition it is computed by, from KPI_DEFINITIONS. */
export function EvmTable({ evm }: { evm: ProjectEvm }) {
  return (
    <div className="table-scroll">
      <table className="data evm-table">
        <caption className="visually-hidden">
          Earned value figures as of {formatDay(evm.asOf)}, with their definitions
        </caption>
        <thead>
          <tr>
            <th scope="col" className="text">
              Figure
            </th>
            <th scope="col">Value</th>
            <th scope="col" className="text">
              Definition
            </th>
          </tr>
        </thead>
        <tbody>
          {evmRows(evm.figures, evm.currency).map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.value}</td>
              <td className="text evm-definition">{definitionText(KPI_DEFINITIONS[row.kpi])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
