import { describe, expect, it } from 'vitest';
import {
  canGoNext,
  type FlowState,
  flowReducer,
  initialFlow,
} from '../../../src/app/kiosk/flow.ts';

const QUESTIONS = 5;

/** A sheet answered to the review: residency asked, five answers, nothing personal. */
function atReview(): FlowState {
  let state = flowReducer(initialFlow, { type: 'start', at: 1000, askResidency: true });
  state = flowReducer(state, { type: 'residency', nonResident: false });
  state = flowReducer(state, { type: 'next', questionCount: QUESTIONS });
  for (let i = 0; i < QUESTIONS; i++) {
    state = flowReducer(state, { type: 'choose', index: i, levelId: 'tot' });
    state = flowReducer(state, { type: 'next', questionCount: QUESTIONS });
  }
  state = flowReducer(state, { type: 'next', questionCount: QUESTIONS });
  expect(state.step).toEqual({ screen: 'review' });
  return state;
}

describe('flow: changing one answer from the review', () => {
  it('opens the chosen question straight from the review', () => {
    const state = flowReducer(atReview(), { type: 'edit', index: 0 });
    expect(state.step).toEqual({ screen: 'question', index: 0, fromReview: true });
  });

  it('returns to the review with "Tiếp theo", keeping the new answer and every other one', () => {
    let state = flowReducer(atReview(), { type: 'edit', index: 2 });
    state = flowReducer(state, { type: 'choose', index: 2, levelId: 'yeu' });
    expect(canGoNext(state)).toBe(true);
    state = flowReducer(state, { type: 'next', questionCount: QUESTIONS });
    expect(state.step).toEqual({ screen: 'review' });
    expect(state.answers).toEqual(['tot', 'tot', 'yeu', 'tot', 'tot']);
  });

  it('returns to the review with "Quay lại" too, where the citizen came from', () => {
    let state = flowReducer(atReview(), { type: 'edit', index: 4 });
    state = flowReducer(state, { type: 'back', askResidency: true, questionCount: QUESTIONS });
    expect(state.step).toEqual({ screen: 'review' });
  });

  it('keeps the rest of the sheet: start time, residency, consent and texts', () => {
    let before = atReview();
    before = { ...before, consentAt: 5000, name: 'Trần Thị B', suggestion: 'Thêm ghế' };
    let state = flowReducer(before, { type: 'edit', index: 1 });
    state = flowReducer(state, { type: 'next', questionCount: QUESTIONS });
    expect(state).toEqual(before);
  });

  it('is only a way out of the review: elsewhere it changes nothing', () => {
    const started = flowReducer(initialFlow, { type: 'start', at: 1000, askResidency: false });
    expect(flowReducer(started, { type: 'edit', index: 3 })).toBe(started);
    expect(flowReducer(initialFlow, { type: 'edit', index: 0 })).toBe(initialFlow);
  });

  it('leaves the ordinary way through the questions as it was', () => {
    let state = flowReducer(initialFlow, { type: 'start', at: 1000, askResidency: false });
    state = flowReducer(state, { type: 'choose', index: 0, levelId: 'kha' });
    state = flowReducer(state, { type: 'next', questionCount: QUESTIONS });
    expect(state.step).toEqual({ screen: 'question', index: 1 });
    state = flowReducer(state, { type: 'back', askResidency: false, questionCount: QUESTIONS });
    expect(state.step).toEqual({ screen: 'question', index: 0 });
  });
});
