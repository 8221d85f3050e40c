import * as z from 'zod/mini';
import { COMMUNE_CODE } from './commune-code.ts';
import { deviceIdSchema } from './sheet.ts';

/**
 * Who may do what at the collecting office (issue 11, domain.md "who is trusted with what"):
 * named accounts with one role each, a commune's own viewer limited to its commune. The
 * server checks every request against these grants; the screens only hide what would be refused.
 */
export const ROLES = ['admin', 'officer', 'viewer', 'commune-viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a request asks to do. */
export type Permission =
  /** Figures, standings, flags, kiosks, exports without personal data. */
  | 'read'
  /** Names, addresses, reasons and suggestions; exports with them. */
  | 'read-personal'
  /** Reviews, imports, self-scores typed at the office, appraisals, set-aside decisions. */
  | 'decide'
  /** Enrolment codes, kiosk registration and revocation, desk QRs. */
  | 'enrol'
  /** The office's thresholds, retention and standing settings. */
  | 'settings'
  /** Accounts: create, disable, reset a password. */
  | 'accounts'
  /** The audit log. */
  | 'audit';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['read', 'read-personal', 'decide', 'enrol', 'settings', 'accounts', 'audit'],
  officer: ['read', 'read-personal', 'decide', 'enrol'],
  viewer: ['read'],
  'commune-viewer': ['read'],
};

/** Who makes a request: a signed-in account, or the bootstrap token of scripts (docs/deploy.md). */
export interface Principal {
  kind: 'account' | 'token';
  username: string;
  displayName: string;
  role: Role;
  /** A commune viewer's commune; null for everyone else. */
  communeCode: string | null;
}

/** Whether the principal may do this, for this commune when the request names one. */
export function allows(
  principal: Principal,
  permission: Permission,
  communeCode?: string,
): boolean {
  if (!GRANTS[principal.role].includes(permission)) return false;
  return principal.communeCode === null || communeCode === undefined
    ? true
    : principal.communeCode === communeCode;
}

/** The communes a principal sees: every one (null), or its own. */
export const communeScopeOf = (principal: Principal): string | null => principal.communeCode;

/** How a record names who did something: "Nguyễn Thị Hà (ha.nt)". */
export const actorName = (principal: Principal): string =>
  principal.kind === 'token'
    ? principal.displayName
    : `${principal.displayName} (${principal.username})`;

/** A username: 3–32 lower-case letters without marks, digits, '.', '_' or '-', a letter or digit first. */
export const USERNAME_PATTERN = '[a-z0-9][a-z0-9._\\-]{2,31}';
const username = z
  .string()
  .check(
    z.regex(
      new RegExp(`^${USERNAME_PATTERN}$`),
      'Tên đăng nhập: 3–32 chữ thường không dấu, số, . _ -',
    ),
  );
const communeCode = z.string().check(z.regex(COMMUNE_CODE));
/** Long enough that the slow hash and the sign-in limit keep a guesser out. */
export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z.string().check(z.minLength(PASSWORD_MIN_LENGTH), z.maxLength(200));

/** An account as the office's list shows it (never its password). */
export const accountSchema = z.object({
  username,
  displayName: z.string().check(z.minLength(1), z.maxLength(120)),
  role: z.enum(ROLES),
  communeCode: z.nullable(communeCode),
  createdAt: z.int(),
  createdBy: z.string(),
  disabledAt: z.nullable(z.int()),
  lastSignInAt: z.nullable(z.int()),
});
export type Account = z.infer<typeof accountSchema>;

/** POST /api/v1/accounts: a new account; a commune viewer needs its commune, no one else has one. */
export const newAccountSchema = z
  .object({
    username,
    displayName: z.string().check(z.minLength(1), z.maxLength(120)),
    role: z.enum(ROLES),
    communeCode: z.optional(z.nullable(communeCode)),
    password: passwordSchema,
  })
  .check(
    z.refine((a) => (a.role === 'commune-viewer') === Boolean(a.communeCode), {
      message: 'Chỉ tài khoản xem số liệu của xã có mã xã, và phải có',
      path: ['communeCode'],
    }),
  );
export type NewAccount = z.infer<typeof newAccountSchema>;

/** PATCH /api/v1/accounts/:username: disable or enable, change role or password. */
export const accountChangeSchema = z.object({
  disabled: z.optional(z.boolean()),
  password: z.optional(passwordSchema),
});

export const signInSchema = z.object({
  username: z.string().check(z.maxLength(64)),
  password: z.string().check(z.maxLength(200)),
});

/** POST /api/v1/accounts/first: the first office admin, with the code the collector logged. */
export const firstAdminSchema = z.object({
  code: z.string().check(z.maxLength(64)),
  username,
  displayName: z.string().check(z.minLength(1), z.maxLength(120)),
  password: passwordSchema,
});

/** GET /api/v1/session: who is signed in, or that the office has no admin yet. */
export const sessionSchema = z.object({
  account: z.nullable(
    z.object({
      username: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES),
      communeCode: z.nullable(z.string()),
    }),
  ),
  firstAdminNeeded: z.boolean(),
  expiresAt: z.nullable(z.int()),
});
export type Session = z.infer<typeof sessionSchema>;

/** The roles as the office's screens name them. */
export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Quản trị cơ quan thu phiếu',
  officer: 'Cán bộ thu phiếu',
  viewer: 'Xem số liệu',
  'commune-viewer': 'Xem số liệu của một xã',
};

/** One entry of the audit log (GET /api/v1/audit). */
export const auditEntrySchema = z.object({
  ordinal: z.int(),
  at: z.int(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.string(),
  address: z.string(),
  /** SHA-256 of the previous entry's hash and this entry (hex): a changed or missing entry shows. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditLogSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Whether every entry of the log links to the one before (checked over the whole log). */
  chainHolds: z.boolean(),
  total: z.int(),
});

/** POST /api/v1/enrolments: a one-time code for a commune's kiosk. */
export const enrolmentRequestSchema = z.object({
  communeCode,
  communeName: z.string().check(z.minLength(1), z.maxLength(120)),
  label: z.string().check(z.maxLength(80)),
});

/** The code as the office shows it once: "ABCD-EFGH", and the link the QR carries. */
export const enrolmentCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.int(),
  communeCode,
  communeName: z.string(),
  label: z.string(),
});

/** POST /api/v1/enrolments/redeem: the tablet names itself and gives the code. */
export const enrolmentRedeemSchema = z.object({
  code: z.string().check(z.maxLength(20)),
  deviceId: deviceIdSchema,
});

/** What the tablet gets for a good code: its key and its commune (the key is shown only once). */
export const enrolledKioskSchema = z.object({
  deviceId: deviceIdSchema,
  key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
  communeCode,
  communeName: z.string(),
  label: z.string(),
});
export type EnrolledKiosk = z.infer<typeof enrolledKioskSchema>;

/** An enrolment code as the office's list shows it (never the code itself). */
export const enrolmentRowSchema = z.object({
  communeCode,
  communeName: z.string(),
  label: z.string(),
  createdAt: z.int(),
  createdBy: z.string(),
  expiresAt: z.int(),
  usedAt: z.nullable(z.int()),
  deviceId: z.nullable(z.string()),
});
