import { Problem } from '../core/problems.ts';
import { profileOfSettings } from '../core/profile/registry.ts';
import type { Scorecard } from '../core/profile/scorecard-schema.ts';
import { sectionBLeaves } from '../core/scoring/section-b.ts';
import type { KioskDb } from '../storage/db.ts';
import { loadSelfScoreDraft, saveSelfScoreDraft } from '../storage/self-scores.ts';
import { loadSettings } from '../storage/settings-store.ts';
import type { SelfScoreService } from './services.ts';

/** The self-score over the kiosk's database; the scorecard and the signing load on first use. */
export function selfScoreService(db: () => Promise<KioskDb>, now: () => number): SelfScoreService {
  const settings = async () => (await loadSettings(await db(), now())).settings;
  // Phụ lục 01 is not part of the kiosk's first download: only this tab loads it.
  const scorecard = async (): Promise<Scorecard | undefined> => {
    const { scorecardOf } = await import('../core/profile/scorecards.ts');
    return scorecardOf(profileOfSettings(await settings()));
  };
  const deps = async () => {
    const card = await scorecard();
    if (!card) throw new Problem('scorecard.none');
    return { db: await db(), scorecard: card, communeCode: (await settings()).communeCode, now };
  };
  return {
    scorecard,
    async loadDraft(year) {
      const profile = profileOfSettings(await settings());
      const card = await scorecard();
      const stored = await loadSelfScoreDraft(await db(), year);
      const fits =
        card && stored?.profileId === profile.id && stored.profileVersion === profile.version;
      // A draft made on another profile version does not fit this scorecard: start afresh.
      if (!card || !stored || !fits)
        return {
          year,
          profileId: profile.id,
          profileVersion: profile.version,
          scores: {},
          notes: {},
          updatedAt: now(),
        };
      const max = new Map(sectionBLeaves(card).map((leaf) => [leaf.id, leaf.maxHalfPoints]));
      const scores = Object.entries(stored.scores).filter(([id, h]) => h <= (max.get(id) ?? -1));
      return { ...stored, scores: Object.fromEntries(scores) };
    },
    saveDraft: async (draft) => saveSelfScoreDraft(await db(), draft),
    async send(draft) {
      const { deliverSelfScore } = await import('../transport/self-score.ts');
      const d = await deps();
      const outcome = await deliverSelfScore(d, draft);
      return { outcome, draft: (await loadSelfScoreDraft(d.db, draft.year)) ?? draft };
    },
    async file(draft) {
      const { selfScoreDownload } = await import('../transport/self-score.ts');
      return selfScoreDownload(await deps(), draft);
    },
  };
}
