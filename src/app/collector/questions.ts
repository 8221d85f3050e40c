import type { CommuneFigures } from '../../core/commune-figures.ts';
import { defaultProfile, findProfile } from '../../core/profile/registry.ts';
import type { FormId, Question } from '../../core/profile/schema.ts';

/** The questions of a form on the profile most of the commune's sheets were answered on. */
export function questionsOf(
  commune: Pick<CommuneFigures, 'profileId' | 'profileVersion'>,
  formId: FormId,
): readonly Question[] {
  const profile = findProfile(commune.profileId, commune.profileVersion) ?? defaultProfile;
  return profile.forms.find((f) => f.id === formId)?.questions ?? [];
}

/** "Câu 2 (Niêm yết công khai các thủ tục hành chính)": a question named by its topic. */
export function questionName(questions: readonly Question[], number: number): string {
  const topic = questions.find((q) => q.number === number)?.topic;
  return topic ? `Câu ${number} (${topic})` : `Câu ${number}`;
}
