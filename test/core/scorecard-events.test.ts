import { describe, expect, it } from 'vitest';
import type { ScorecardEvent } from '../../src/core/appraisal.ts';
import { haiDuong2024Scorecard as scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import { describeEvent } from '../../src/core/scorecard-events.ts';

const event = (e: Partial<ScorecardEvent>): ScorecardEvent => ({
  at: 0,
  by: 'quản trị cơ quan thu phiếu',
  field: 'appraisal',
  leafId: null,
  before: null,
  after: null,
  reason: null,
  ...e,
});

describe('the history of a commune’s Section B in words', () => {
  it('names the leaf and shows its points before and after, with the reason', () => {
    expect(
      describeEvent(
        event({
          leafId: '1.1.1',
          before: '{"halfPoints":2}',
          after: '{"halfPoints":1,"reason":"Thiếu biên bản"}',
          reason: 'Thiếu biên bản',
        }),
        scorecard,
      ),
    ).toEqual({
      subject: 'Điểm thẩm định mục 1.1.1 (Trên hệ thống truyền thanh ở cơ sở)',
      before: '1',
      after: '0,5',
      reason: 'Thiếu biên bản',
    });
  });

  it('says "chưa có" for a first score and shows a period and an event as text', () => {
    expect(
      describeEvent(
        event({ field: 'self-score', leafId: '5.1', after: '{"halfPoints":14}' }),
        scorecard,
      ).before,
    ).toBe('chưa có');
    expect(
      describeEvent(
        event({
          field: 'period',
          before: '{"from":"2026-11-23","to":"2026-11-27"}',
          after: '{"from":"2026-11-24","to":"2026-11-30"}',
        }),
        scorecard,
      ),
    ).toMatchObject({ before: '23/11/2026 – 27/11/2026', after: '24/11/2026 – 30/11/2026' });
    expect(
      describeEvent(
        event({
          field: 'disqualification',
          after: '{"id":"ky-luat-khien-trach","reason":"Quyết định kỷ luật số 12"}',
          reason: 'Quyết định kỷ luật số 12',
        }),
        scorecard,
      ).after,
    ).toContain('kỷ luật từ khiển trách trở lên');
  });
});
