import type { $ZodIssue } from 'zod/v4/core';

/** A Vietnamese sentence for a settings validation issue, keyed by the field it belongs to. */
export function fieldErrors(issues: readonly $ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.join('.');
    errors[field] ??= sentenceFor(issue);
  }
  return errors;
}

function sentenceFor(issue: $ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? 'Mục này không được để trống.'
        : `Giá trị phải từ ${issue.minimum} trở lên.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Mục này dài quá ${issue.maximum} ký tự.`
        : `Giá trị không được lớn hơn ${issue.maximum}.`;
    case 'invalid_type':
      return 'Vui lòng nhập một số nguyên.';
    default:
      // Our schemas carry Vietnamese messages for format rules (mã xã, ngày, kỳ khảo sát).
      return /[À-ỹ]/.test(issue.message) ? issue.message : 'Giá trị không hợp lệ.';
  }
}
