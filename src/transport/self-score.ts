import {
  SELF_SCORE_FORMAT,
  type SelfScoreEntries,
  type SelfScoreFile,
  signSelfScoreFile,
} from '../core/appraisal.ts';
import { COMMUNE_CODE } from '../core/commune-code.ts';
import { vnDay } from '../core/period.ts';
import { Problem } from '../core/problems.ts';
import type { Scorecard } from '../core/profile/scorecard-schema.ts';
import { sectionBHalfPoints, sectionBLeaves } from '../core/scoring/section-b.ts';
import { loadCredentials, signerOf } from '../storage/credentials.ts';
import type { KioskDb, SelfScoreDraft } from '../storage/db.ts';
import { markSelfScoreSent, saveSelfScoreDraft } from '../storage/self-scores.ts';
import { collectorClient, sentenceOf } from './collector-api.ts';
import type { ExportedFile } from './file-export.ts';
import { problemSentence } from './refusal.ts';

/**
 * The commune's self-score of Section B leaves the kiosk (Bước 1 of seed 003's "Hướng dẫn chấm
 * điểm") as a self-score file signed with the kiosk's key (docs/formats.md, "Self-score file"):
 * posted through the typed client's `sendSelfScore` route, or saved as a file that the office
 * imports through the same endpoint. Both save the draft first, so what is signed is what is kept.
 */
export interface SelfScoreDeps {
  db: KioskDb;
  /** The Bảng thang chấm điểm the draft's leaf ids belong to. */
  scorecard: Scorecard;
  communeCode: string;
  now: () => number;
  fetch?: typeof fetch;
}

/** What the collector did with a self-score file, or why it did not take it. */
export type SelfScoreOutcome =
  | { kind: 'received'; submittedAt: number }
  | { kind: 'duplicate'; submittedAt: number }
  | { kind: 'refused'; sentence: string }
  | { kind: 'failed'; sentence: string }
  | { kind: 'offline'; sentence: string };

/** Every leaf with a score or a note, in table order; a leaf with a note and no score counts 0. */
export function selfScoreEntriesOf(scorecard: Scorecard, draft: SelfScoreDraft): SelfScoreEntries {
  const entries: SelfScoreEntries = {};
  for (const { id } of sectionBLeaves(scorecard)) {
    const halfPoints = draft.scores[id];
    const note = draft.notes[id]?.trim();
    if (halfPoints === undefined && !note) continue;
    entries[id] = { halfPoints: halfPoints ?? 0, ...(note ? { note } : {}) };
  }
  return entries;
}

/** Saves the draft and signs it as a self-score file; refuses with a catalogue problem. */
export async function signedSelfScore(
  deps: SelfScoreDeps,
  draft: SelfScoreDraft,
): Promise<{ file: SelfScoreFile; collectorUrl: string }> {
  const { db, scorecard, communeCode, now } = deps;
  if (draft.profileId !== scorecard.profileId || draft.profileVersion !== scorecard.profileVersion)
    throw new Problem('scorecard.none', `${draft.profileId} v${draft.profileVersion}`);
  try {
    sectionBHalfPoints(scorecard, draft.scores);
  } catch (error) {
    throw new Problem('scorecard.invalid', String(error));
  }
  await saveSelfScoreDraft(db, draft);
  const credentials = await loadCredentials(db);
  if (!credentials) throw new Problem('kiosk.not-registered');
  if (!COMMUNE_CODE.test(communeCode)) throw new Problem('self-score.no-commune');
  const file = await signSelfScoreFile(signerOf(credentials), {
    format: SELF_SCORE_FORMAT,
    version: 1,
    deviceId: credentials.deviceId,
    communeCode,
    year: draft.year,
    profileId: draft.profileId,
    profileVersion: draft.profileVersion,
    submittedAt: now(),
    entries: selfScoreEntriesOf(scorecard, draft),
  });
  return { file, collectorUrl: credentials.collectorUrl };
}

/** Saves, signs and posts the draft; when the collector takes it, the draft notes so. */
export async function deliverSelfScore(
  deps: SelfScoreDeps,
  draft: SelfScoreDraft,
): Promise<SelfScoreOutcome> {
  const { file, collectorUrl } = await signedSelfScore(deps, draft);
  const client = collectorClient({
    base: collectorUrl,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const reply = await client.call('sendSelfScore', { json: file });
  if (reply.kind === 'ok') {
    const sent = { submittedAt: file.submittedAt, at: deps.now(), status: reply.value.status };
    await markSelfScoreSent(deps.db, draft.year, sent);
    return { kind: reply.value.status, submittedAt: file.submittedAt };
  }
  if (reply.kind === 'offline') {
    return { kind: 'offline', sentence: problemSentence('self-score.offline') };
  }
  return { kind: reply.kind, sentence: sentenceOf(reply) };
}

/** Saves and signs the draft as a JSON file, for a commune without network. */
export async function selfScoreDownload(
  deps: SelfScoreDeps,
  draft: SelfScoreDraft,
): Promise<ExportedFile> {
  const { file } = await signedSelfScore(deps, draft);
  return {
    fileName: `tu-cham-diem-${file.communeCode}-${file.year}-${vnDay(file.submittedAt)}.json`,
    mimeType: 'application/json',
    body: `${JSON.stringify(file, null, 1)}\n`,
  };
}
