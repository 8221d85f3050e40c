/** A catalogue entry as a person reads it on a device: its sentence, then its code for support. */
export const said = (problem: { code: string; message: string }): string =>
  `${problem.message} (mã ${problem.code})`;
