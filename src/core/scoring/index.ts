export * from './form-summary.ts';
export * from './fraction.ts';
export * from './section-a.ts';
export * from './section-b.ts';
export * from './sheet-score.ts';
export * from './standing.ts';
export * from './tally.ts';
