import { inPeriod, vnDay } from '../../../core/period.ts';
import type { FormId, Profile } from '../../../core/profile/schema.ts';
import { type FormSummary, sectionA, summarizeForm } from '../../../core/scoring/index.ts';
import type { Period } from '../../../core/settings.ts';
import type { Sheet } from '../../../core/sheet.ts';

/** What the dashboard shows, computed from stored sheets by the core (never from cached totals). */
export interface DashboardFigures {
  today: number;
  /** Sheets of the chosen period (every sheet when it is every day). */
  inPeriod: number;
  total: number;
  forms: { formId: FormId; all: FormSummary; withoutFlagged: FormSummary }[];
  sectionA: ReturnType<typeof sectionA>;
}

export function dashboardFigures(
  profile: Profile,
  sheets: readonly Sheet[],
  /** The period staff chose; null for every day. */
  period: Period | null,
  now: number,
): DashboardFigures {
  const today = vnDay(now);
  const periodSheets = period ? sheets.filter((s) => inPeriod(s.createdAt, period)) : [...sheets];
  const forms = profile.forms.map((form) => ({
    formId: form.id,
    all: summarizeForm(profile, form.id, periodSheets),
    withoutFlagged: summarizeForm(profile, form.id, periodSheets, { excludeFlagged: true }),
  }));
  const meanOf = (id: FormId) => forms.find((f) => f.formId === id)?.all.mean ?? null;
  return {
    today: sheets.filter((s) => vnDay(s.createdAt) === today).length,
    inPeriod: periodSheets.length,
    total: sheets.length,
    forms,
    sectionA: sectionA(meanOf('citizen'), meanOf('cadre')),
  };
}
