import type { LogFields } from './log.ts';

/**
 * Why the collector cannot start, as the one log line an operator reads (`event` names it,
 * `fields` say where, e.g. the path and the OS error code). main.ts logs it and exits non-zero
 * before the port is bound.
 */
export class StartupFailure extends Error {
  readonly event: string;
  readonly fields: LogFields;

  constructor(event: string, fields: LogFields) {
    super(`${event} ${JSON.stringify(fields)}`);
    this.name = 'StartupFailure';
    this.event = event;
    this.fields = fields;
  }
}

/** The OS error code of a failed file operation (EACCES, EROFS, ENOSPC…), else the message. */
export const osCodeOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException | undefined)?.code ??
  (error instanceof Error ? error.message : String(error));
