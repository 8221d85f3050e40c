import { useState } from 'preact/hooks';
import { Problem } from '../../../core/problems.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices, SignedIn } from '../../office-services.ts';
import { NewPasswordField, NewUsernameField } from '../account-fields/index.tsx';

const messageOf = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);

/**
 * The office's sign-in: a name and password of an account the office admin made. Offline, a
 * name and password that signed in online on this browser before open this office's own figures.
 */
export function SignInForm({
  office,
  notice,
  onSignedIn,
}: {
  office: OfficeServices;
  /** Why the form is shown again (the session ended), if it is. */
  notice: string;
  onSignedIn: (signedIn: SignedIn) => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      const signedIn = await office.signIn(username.trim(), password);
      setPassword('');
      onSignedIn(signedIn);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Cơ quan thu phiếu</h1>
      <AlertText text={error || notice} />
      <label>
        <span>Tên đăng nhập</span>
        <input
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          required
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
      </label>
      <label>
        <span>Mật khẩu</span>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        Đăng nhập
      </button>
    </form>
  );
}

/**
 * The first office admin, while the collector has no account: the one-time code it wrote in
 * its log at start, a name, and a password typed twice.
 */
export function FirstAdminForm({
  office,
  onSignedIn,
}: {
  office: OfficeServices;
  onSignedIn: (signedIn: SignedIn) => void;
}) {
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (password !== again) {
      setError(new Problem('account.password-mismatch').message);
      return;
    }
    setError('');
    try {
      onSignedIn(
        await office.createFirstAdmin({
          code: code.trim(),
          username: username.trim().toLowerCase(),
          displayName: displayName.trim(),
          password,
        }),
      );
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="first-admin-title">
      <h1 id="first-admin-title">Tạo tài khoản quản trị đầu tiên</h1>
      <p>
        Cơ quan thu phiếu chưa có tài khoản nào. Mã tạo tài khoản quản trị đầu tiên được ghi trong
        nhật ký của máy chủ thu phiếu khi khởi động (dòng accounts.first-admin-code).
      </p>
      <label>
        <span>Mã tạo tài khoản quản trị đầu tiên</span>
        <input
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          required
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      <NewUsernameField
        id="first-admin-username"
        label="Tên đăng nhập"
        autoComplete="username"
        value={username}
        onInput={setUsername}
      />
      <label>
        <span>Họ và tên</span>
        <input
          autoComplete="name"
          required
          value={displayName}
          onInput={(e) => setDisplayName(e.currentTarget.value)}
        />
      </label>
      <NewPasswordField
        label="Mật khẩu (ít nhất 10 ký tự)"
        value={password}
        onInput={setPassword}
      />
      <NewPasswordField label="Nhập lại mật khẩu" value={again} onInput={setAgain} />
      <AlertText text={error} />
      <button type="submit" class="btn btn-primary">
        Tạo tài khoản và đăng nhập
      </button>
    </form>
  );
}
