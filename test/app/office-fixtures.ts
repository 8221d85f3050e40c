import { vi } from 'vitest';
import type { CommuneScorecard } from '../../src/core/appraisal.ts';
import { type CommuneFigures, communeFigures } from '../../src/core/commune-figures.ts';
import { haiDuong2024Scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import {
  type CommuneStanding,
  communeStanding,
  defaultStandingSettings,
  rankStandings,
} from '../../src/core/scoring/commune-standing.ts';
import type { Tally } from '../../src/core/scoring/tally.ts';

/**
 * What the office's component tests stub the collector with: figures computed by the real
 * core from tallies (sheets given by their scores in half-points), scorecards and standings
 * computed as the server computes them, and a fetch that answers by method and path.
 */

function tallies(formId: 'citizen' | 'cadre', scores: number[], excluded = 0): Tally[] {
  return scores.map((halfPoints, i) => ({
    formId,
    profileId: 'hai-duong-2024',
    profileVersion: 1,
    channel: 'kiosk',
    flagged: false,
    excluded: i < excluded,
    sheets: 1,
    halfPoints,
    halfPointsSquared: halfPoints * halfPoints,
    answers: 5,
    // Sheets of 16 half-points or more answer Tốt or Khá throughout; the others none.
    satisfied: halfPoints >= 16 ? 5 : 0,
    distribution: [
      ...[0, 1, 2, 3, 4].flatMap(() => (halfPoints >= 16 ? [1, 0, 0, 0] : [0, 0, 1, 0])),
    ],
  }));
}

export function figuresOf(
  communeCode: string,
  communeName: string,
  citizen: number[],
  cadre: number[],
  options: { excludedCitizen?: number } = {},
): CommuneFigures {
  return communeFigures(
    {
      communeCode,
      communeName,
      sheetCount: citizen.length + cadre.length,
      phoneSheetCount: 0,
      setAsideCount: 0,
      lastReceivedAt: Date.UTC(2026, 10, 24, 2),
    },
    [...tallies('citizen', citizen, options.excludedCitizen), ...tallies('cadre', cadre)],
  );
}

export function cardOf(
  communeCode: string,
  overrides: Partial<CommuneScorecard> = {},
): CommuneScorecard {
  return {
    communeCode,
    year: 2026,
    profileId: 'hai-duong-2024',
    profileVersion: 1,
    period: { from: '2026-11-23', to: '2026-11-27' },
    selfScore: null,
    appraisal: {},
    disqualification: null,
    lockedAt: null,
    lockedBy: null,
    ...overrides,
  };
}

export function standingsOf(
  entries: { figures: CommuneFigures; card: CommuneScorecard | null }[],
): CommuneStanding[] {
  return rankStandings(
    entries.map(({ figures, card }) =>
      communeStanding(
        haiDuong2024Scorecard,
        figures,
        2026,
        card,
        card?.period ?? { from: '2026-11-23', to: '2026-11-27' },
        defaultStandingSettings,
      ),
    ),
  );
}

export type Handler = (url: URL, body: unknown) => unknown;

/**
 * Stubs fetch with handlers keyed "METHOD /path" (no query); a handler's answer is sent as
 * JSON with 200, or with its `status` when it returns `{ status, body }`. Unknown routes 404.
 */
export function stubCollector(handlers: Record<string, Handler>) {
  const calls: { method: string; url: URL; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://office.test');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body });
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) return Response.json({ code: '404.1', message: 'Không có.' }, { status: 404 });
    const answer = handler(url, body) as { status?: number; body?: unknown } | unknown;
    if (answer && typeof answer === 'object' && 'status' in answer && 'body' in answer)
      return Response.json(answer.body, { status: answer.status as number });
    return Response.json(answer);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

export const scorecard = haiDuong2024Scorecard;
