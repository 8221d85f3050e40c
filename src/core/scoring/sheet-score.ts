import type { Profile } from '../profile/schema.ts';

/** Half-points of one answer (Tốt 4, Khá 2, Trung bình 1, Yếu 0 in the default profile). */
export function levelHalfPoints(profile: Profile, levelId: string): number {
  const level = profile.levels.find((l) => l.id === levelId);
  if (!level) throw new RangeError(`Unknown level "${levelId}" in profile ${profile.id}`);
  return level.halfPoints;
}

/** A sheet's score in half-points: 0..20 for five questions (0 to 10 points). */
export function sheetHalfPoints(profile: Profile, answers: readonly string[]): number {
  return answers.reduce((sum, levelId) => sum + levelHalfPoints(profile, levelId), 0);
}

/** Whether an answer counts towards the satisfaction rate (Tốt or Khá). */
export function isSatisfied(profile: Profile, levelId: string): boolean {
  return profile.levels.find((l) => l.id === levelId)?.satisfied ?? false;
}
