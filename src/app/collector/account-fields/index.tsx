import { PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '../../../core/accounts.ts';

/**
 * The fields of a new account, one rule each with the collector's (src/core/accounts.ts): the
 * first admin's form and the admin's "Tạo tài khoản mới" check the same way the server does.
 */
export function NewUsernameField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete?: string;
}) {
  return (
    <>
      <label>
        <span>{props.label}</span>
        <input
          autoComplete={props.autoComplete ?? 'off'}
          autoCapitalize="none"
          spellcheck={false}
          required
          pattern={USERNAME_PATTERN}
          aria-describedby={`${props.id}-hint`}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      </label>
      <small id={`${props.id}-hint`}>3–32 chữ thường không dấu, số, dấu . _ -</small>
    </>
  );
}

/** A password being set: at least the collector's minimum, never filled in from a saved one. */
export function NewPasswordField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <input
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}
