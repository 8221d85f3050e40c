import { formatPercent, formatPoints } from '../core/format.ts';
import { defaultProfile } from '../core/profile/registry.ts';
import type { FormId } from '../core/profile/schema.ts';
import {
  type Fraction,
  fractionToNumber,
  type SheetGroup,
  sectionA,
  summarizeGroups,
} from '../core/scoring/index.ts';
import type { CommuneRecord } from './store/store.ts';

/** A fraction in the API: exact, its value, and its vi-VN display. */
const exact = (f: Fraction | null, display: (f: Fraction) => string) =>
  f && { num: f.num, den: f.den, value: fractionToNumber(f), display: display(f) };

function formFigures(groups: readonly SheetGroup[], formId: FormId) {
  const all = summarizeGroups(defaultProfile, formId, groups);
  const clean = summarizeGroups(defaultProfile, formId, groups, { excludeFlagged: true });
  return {
    sheets: all.sheetCount,
    flagged: all.flaggedCount,
    unknownProfile: all.unknownProfileCount,
    mean: exact(all.mean, (f) => formatPoints(f)),
    meanWithoutFlagged: exact(clean.mean, (f) => formatPoints(f)),
    satisfactionRate: exact(all.satisfactionRate, (f) => formatPercent(f)),
    distribution: all.distribution,
  };
}

/** One commune's figures, recomputed from the stored answers (docs/api.md). */
export function communeSummary(commune: CommuneRecord, groups: readonly SheetGroup[]) {
  const citizen = formFigures(groups, 'citizen');
  const cadre = formFigures(groups, 'cadre');
  const a = sectionA(
    summarizeGroups(defaultProfile, 'citizen', groups).mean,
    summarizeGroups(defaultProfile, 'cadre', groups).mean,
  );
  return {
    ...commune,
    levels: defaultProfile.levels.map((l) => l.label),
    citizen,
    cadre,
    sectionA: { ...exact(a.value, (f) => formatPoints(f)), complete: a.complete },
  };
}
