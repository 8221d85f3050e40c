import type { Form, Profile } from '../../core/profile/schema.ts';
import type { SheetDraft } from '../../core/sheet.ts';

/**
 * The citizen's way through one sheet, as a pure reducer: screens dispatch actions,
 * nothing here touches the DOM or storage. Discarding a sheet is returning to `initialFlow`.
 */

export type Step =
  | { screen: 'start' }
  | { screen: 'residency' }
  /** `fromReview`: opened with "Sửa" on the review; both ways out lead back to it. */
  | { screen: 'question'; index: number; fromReview?: true }
  | { screen: 'personal' }
  | { screen: 'review' }
  | { screen: 'thanks' };

export interface FlowState {
  step: Step;
  startedAt: number;
  /** undefined until asked; true when the respondent said they do not reside in the commune. */
  nonResident?: boolean;
  /** Level id per question index. */
  answers: (string | undefined)[];
  /** Optional reason per question index, only kept for unsatisfied answers. */
  reasons: Record<number, string>;
  consentAt?: number;
  name: string;
  address: string;
  suggestion: string;
}

export type FlowAction =
  | { type: 'start'; at: number; askResidency: boolean }
  | { type: 'residency'; nonResident: boolean }
  | { type: 'choose'; index: number; levelId: string }
  | { type: 'reason'; index: number; text: string }
  | { type: 'consent'; at: number | undefined }
  | { type: 'personal'; field: 'name' | 'address' | 'suggestion'; text: string }
  | { type: 'next'; questionCount: number }
  | { type: 'back'; askResidency: boolean; questionCount: number }
  /** From the review, straight to one question. */
  | { type: 'edit'; index: number }
  | { type: 'submitted' }
  | { type: 'reset' };

export const initialFlow: FlowState = {
  step: { screen: 'start' },
  startedAt: 0,
  answers: [],
  reasons: {},
  name: '',
  address: '',
  suggestion: '',
};

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'start':
      return {
        ...initialFlow,
        startedAt: action.at,
        step: action.askResidency ? { screen: 'residency' } : { screen: 'question', index: 0 },
      };
    case 'residency':
      return { ...state, nonResident: action.nonResident };
    case 'choose': {
      const answers = [...state.answers];
      answers[action.index] = action.levelId;
      return { ...state, answers };
    }
    case 'reason':
      return { ...state, reasons: { ...state.reasons, [action.index]: action.text } };
    case 'consent':
      return action.at === undefined
        ? { ...state, consentAt: undefined, name: '', address: '' }
        : { ...state, consentAt: action.at };
    case 'personal':
      return { ...state, [action.field]: action.text };
    case 'next':
      return { ...state, step: nextStep(state.step, action.questionCount) };
    case 'back':
      return {
        ...state,
        step: previousStep(state.step, action.askResidency, action.questionCount),
      };
    case 'edit':
      return state.step.screen === 'review'
        ? { ...state, step: { screen: 'question', index: action.index, fromReview: true } }
        : state;
    case 'submitted':
      return { ...initialFlow, step: { screen: 'thanks' } };
    case 'reset':
      return initialFlow;
  }
}

function nextStep(step: Step, questionCount: number): Step {
  switch (step.screen) {
    case 'residency':
      return { screen: 'question', index: 0 };
    case 'question':
      if (step.fromReview) return { screen: 'review' };
      return step.index + 1 < questionCount
        ? { screen: 'question', index: step.index + 1 }
        : { screen: 'personal' };
    case 'personal':
      return { screen: 'review' };
    default:
      return step;
  }
}

function previousStep(step: Step, askResidency: boolean, questionCount: number): Step {
  switch (step.screen) {
    case 'question':
      if (step.fromReview) return { screen: 'review' };
      if (step.index > 0) return { screen: 'question', index: step.index - 1 };
      return askResidency ? { screen: 'residency' } : { screen: 'start' };
    case 'personal':
      return { screen: 'question', index: questionCount - 1 };
    case 'review':
      return { screen: 'personal' };
    case 'residency':
      return { screen: 'start' };
    default:
      return step;
  }
}

/** Whether the current screen may move on: a question needs its answer, residency its choice. */
export function canGoNext(state: FlowState): boolean {
  const { step } = state;
  if (step.screen === 'question') return state.answers[step.index] !== undefined;
  if (step.screen === 'residency') return state.nonResident !== undefined;
  return true;
}

/** The draft handed to storage; only non-empty optional parts, names only with consent. */
export function draftFromFlow(
  state: FlowState,
  profile: Profile,
  form: Form,
  noticeVersion: number,
  now: number,
): SheetDraft {
  const answers = form.questions.map((_, i) => state.answers[i]);
  if (answers.some((a) => a === undefined)) throw new Error('Sheet is not complete');
  const unsatisfied = (levelId: string | undefined) =>
    profile.levels.find((l) => l.id === levelId)?.satisfied === false;

  const reasons: Record<string, string> = {};
  for (const [index, text] of Object.entries(state.reasons)) {
    const trimmed = text.trim().normalize('NFC');
    if (trimmed && unsatisfied(answers[Number(index)]))
      reasons[String(Number(index) + 1)] = trimmed;
  }
  // Typed text is kept in NFC, as every Vietnamese text here is, whatever the keyboard sent.
  const name = state.name.trim().normalize('NFC');
  const address = state.address.trim().normalize('NFC');
  const suggestion = state.suggestion.trim().normalize('NFC');

  return {
    profileId: profile.id,
    profileVersion: profile.version,
    formId: form.id,
    formVersion: form.version,
    channel: 'kiosk',
    answers: answers as string[],
    startedAt: state.startedAt,
    createdAt: now,
    ...(state.nonResident !== undefined && { nonResident: state.nonResident }),
    ...(Object.keys(reasons).length > 0 && { reasons }),
    ...(state.consentAt !== undefined &&
      (name || address) && {
        respondent: { name, address, consent: { noticeVersion, at: state.consentAt } },
      }),
    ...(suggestion && { suggestion }),
  };
}
