import * as z from 'zod/mini';
import type { KioskDb, SelfScoreDraft } from './db.ts';

export type { SelfScoreDraft };
export type SelfScoreSent = NonNullable<SelfScoreDraft['sent']>;

/**
 * A stored draft as it is read back: it is a draft, not a sheet, so staff may change it until
 * the office locks its appraisal, and each sending signs it anew (src/transport/self-score.ts).
 */
const draftSchema: z.ZodMiniType<SelfScoreDraft> = z.object({
  year: z.int().check(z.gte(2024), z.lte(2100)),
  profileId: z.string(),
  profileVersion: z.int().check(z.gte(1)),
  scores: z.record(z.string(), z.int().check(z.gte(0))),
  notes: z.record(z.string(), z.string().check(z.maxLength(1000))),
  updatedAt: z.int(),
  sent: z.optional(
    z.object({
      submittedAt: z.int(),
      at: z.int(),
      status: z.enum(['received', 'duplicate']),
    }),
  ),
});

/** The year's stored draft; undefined when there is none or it cannot be read (left as it is). */
export async function loadSelfScoreDraft(
  db: KioskDb,
  year: number,
): Promise<SelfScoreDraft | undefined> {
  const parsed = draftSchema.safeParse(await db.get('selfScores', year));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Stores the scores and notes of a draft. What the collector last took (`sent`) is kept from
 * the stored record, so a screen holding an older copy never erases it.
 */
export async function saveSelfScoreDraft(db: KioskDb, draft: SelfScoreDraft): Promise<void> {
  const { sent: _ignored, ...fields } = draftSchema.parse(draft);
  const tx = db.transaction('selfScores', 'readwrite');
  const stored = draftSchema.safeParse(await tx.store.get(draft.year));
  const sent = stored.success ? stored.data.sent : undefined;
  await tx.store.put({ ...fields, ...(sent ? { sent } : {}) });
  await tx.done;
}

/** Notes that the collector took the year's draft as signed at `sent.submittedAt`. */
export async function markSelfScoreSent(
  db: KioskDb,
  year: number,
  sent: SelfScoreSent,
): Promise<void> {
  const tx = db.transaction('selfScores', 'readwrite');
  const stored = draftSchema.safeParse(await tx.store.get(year));
  if (stored.success) await tx.store.put({ ...stored.data, sent });
  await tx.done;
}
