import * as z from 'zod/mini';
import { formatPercent, formatPoints } from './format.ts';
import { defaultProfile } from './profile/registry.ts';
import type { FormId } from './profile/schema.ts';
import {
  type Fraction,
  fractionToNumber,
  type SheetGroup,
  sectionA,
  summarizeGroups,
} from './scoring/index.ts';
import type { Sheet } from './sheet.ts';

/**
 * A commune's figures as the collector API returns them (docs/api.md) and as the office
 * screen computes them itself from the sheets it holds when the server is out of reach.
 * Always recomputed from answers: a client's total is never trusted.
 */

const count = z.int().check(z.gte(0));

/** A fraction: exact, its value, and its vi-VN display. */
export const exactFigureSchema = z.object({
  num: z.int(),
  den: z.int().check(z.gte(1)),
  value: z.number(),
  display: z.string(),
});

export const formFiguresSchema = z.object({
  sheets: count,
  flagged: count,
  unknownProfile: count,
  mean: z.nullable(exactFigureSchema),
  meanWithoutFlagged: z.nullable(exactFigureSchema),
  satisfactionRate: z.nullable(exactFigureSchema),
  /** Answers counted by question, then by level (in `levels` order). */
  distribution: z.array(z.array(count)),
});

export const communeHeaderSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  sheetCount: count,
  /** Of which answered on citizens' own phones (phone mode). */
  phoneSheetCount: count,
  /** Stored rows that do not pass the gate (left by an older build): not in any figure, listed apart. */
  setAsideCount: count,
  lastReceivedAt: z.nullable(count),
});

export const communeFiguresSchema = z.object({
  ...communeHeaderSchema.shape,
  levels: z.array(z.string()),
  citizen: formFiguresSchema,
  cadre: formFiguresSchema,
  /** The same, counting only the sheets answered on citizens' own phones. */
  phone: z.object({ citizen: formFiguresSchema, cadre: formFiguresSchema }),
  /** The figure's fields are absent while neither form has a sheet. */
  sectionA: z.object({
    complete: z.boolean(),
    num: z.optional(z.int()),
    den: z.optional(z.int()),
    value: z.optional(z.number()),
    display: z.optional(z.string()),
  }),
});

export type ExactFigure = z.infer<typeof exactFigureSchema>;
export type FormFigures = z.infer<typeof formFiguresSchema>;
export type CommuneHeader = z.infer<typeof communeHeaderSchema>;
export type CommuneFigures = z.infer<typeof communeFiguresSchema>;

const exact = (f: Fraction | null, display: (f: Fraction) => string): ExactFigure | null =>
  f && { num: f.num, den: f.den, value: fractionToNumber(f), display: display(f) };

/** One form's figures; its summary of every sheet (flagged included) comes with it. */
function formFigures(groups: readonly SheetGroup[], formId: FormId) {
  const all = summarizeGroups(defaultProfile, formId, groups);
  const clean = summarizeGroups(defaultProfile, formId, groups, { excludeFlagged: true });
  const figures: FormFigures = {
    sheets: all.sheetCount,
    flagged: all.flaggedCount,
    unknownProfile: all.unknownProfileCount,
    mean: exact(all.mean, (f) => formatPoints(f)),
    meanWithoutFlagged: exact(clean.mean, (f) => formatPoints(f)),
    satisfactionRate: exact(all.satisfactionRate, (f) => formatPercent(f)),
    distribution: all.distribution,
  };
  return { figures, mean: all.mean };
}

/** One commune's figures from its sheets counted in groups. */
export function communeFigures(
  commune: CommuneHeader,
  groups: readonly SheetGroup[],
): CommuneFigures {
  const citizen = formFigures(groups, 'citizen');
  const cadre = formFigures(groups, 'cadre');
  const a = sectionA(citizen.mean, cadre.mean);
  const value = exact(a.value, (f) => formatPoints(f));
  const phoneGroups = groups.filter((g) => g.channel === 'phone');
  return {
    ...commune,
    levels: defaultProfile.levels.map((l) => l.label),
    citizen: citizen.figures,
    cadre: cadre.figures,
    phone: {
      citizen: formFigures(phoneGroups, 'citizen').figures,
      cadre: formFigures(phoneGroups, 'cadre').figures,
    },
    sectionA: value ? { ...value, complete: a.complete } : { complete: false },
  };
}

/** Sheets counted in groups of the same form, profile, answers and flag state. */
export function groupSheets(sheets: readonly Sheet[]): SheetGroup[] {
  const groups = new Map<string, SheetGroup>();
  for (const s of sheets) {
    const flagged = s.flags.length > 0;
    const key = [s.formId, s.profileId, s.profileVersion, flagged, s.channel, ...s.answers].join(
      '|',
    );
    const group = groups.get(key);
    if (group) group.count++;
    else
      groups.set(key, {
        formId: s.formId,
        profileId: s.profileId,
        profileVersion: s.profileVersion,
        answers: s.answers,
        flagged,
        channel: s.channel,
        count: 1,
      });
  }
  return [...groups.values()];
}
