import { formatCount, formatPercent } from '../../../core/format.ts';
import { findForm } from '../../../core/profile/registry.ts';
import type { Profile } from '../../../core/profile/schema.ts';
import { fraction } from '../../../core/scoring/fraction.ts';
import type { FormSummary } from '../../../core/scoring/index.ts';

/** Per-question counts of each level, as a table with bars; the numbers are text, the bars decoration. */
export function Distribution({
  profile,
  summary,
  periodLabel,
}: {
  profile: Profile;
  summary: FormSummary;
  /** The period the counts are for, as the dashboard names it. */
  periodLabel: string;
}) {
  const form = findForm(profile, summary.formId);
  if (!form) return null;
  return (
    <table>
      <caption>
        Phân bố câu trả lời theo câu hỏi — {form.annex}, kỳ {periodLabel}
      </caption>
      <thead>
        <tr>
          <th scope="col">Câu</th>
          {profile.levels.map((l) => (
            <th scope="col" key={l.id}>
              {l.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {form.questions.map((q, qi) => {
          const row = summary.distribution[qi] ?? [];
          const total = row.reduce((s, n) => s + n, 0);
          return (
            <tr key={q.number}>
              <th scope="row">Câu {q.number}</th>
              {profile.levels.map((l, li) => {
                const count = row[li] ?? 0;
                const share = total > 0 ? count / total : 0;
                return (
                  <td key={l.id}>
                    {formatCount(count)} ({formatPercent(total > 0 ? fraction(count, total) : 0, 0)}
                    )
                    <div
                      class="bar"
                      style={{ width: `${Math.round(share * 100)}%` }}
                      aria-hidden="true"
                    />
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
