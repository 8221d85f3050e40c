import { haiDuong2024Disqualifiers, haiDuong2024SectionB } from './hai-duong-2024-section-b.ts';
import { type Scorecard, scorecardSchema } from './scorecard-schema.ts';

/**
 * Hải Dương's 100-point scorecard (seed 003, Phụ lục 01) for profile hai-duong-2024 v1:
 * Section A (the mean sheet of each form, 10 + 10), Section B (80, hai-duong-2024-section-b.ts),
 * the standings ("Hướng dẫn chấm điểm": below 80 Không đạt chuẩn, then 80, 85, 90, 95) and the
 * disqualifying events.
 */
export const haiDuong2024Scorecard = scorecardSchema.parse({
  profileId: 'hai-duong-2024',
  profileVersion: 1,
  sectionAMaxPoints: 20,
  sectionB: haiDuong2024SectionB,
  disqualifiers: haiDuong2024Disqualifiers,
  maxPoints: 100,
  standings: [
    { id: 'khong-dat', label: 'Không đạt chuẩn', minHalfPoints: 0 },
    { id: 'muc-1', label: 'Chuẩn Mức độ 1', minHalfPoints: 160 },
    { id: 'muc-2', label: 'Chuẩn Mức độ 2', minHalfPoints: 170 },
    { id: 'muc-3', label: 'Chuẩn Mức độ 3', minHalfPoints: 180 },
    { id: 'muc-4', label: 'Chuẩn Mức độ 4', minHalfPoints: 190 },
  ],
} satisfies Scorecard);
