import { useState } from 'preact/hooks';
import { type Account, ROLE_LABEL, ROLES, type Role } from '../../../core/accounts.ts';
import { COMMUNE_CODE_PATTERN } from '../../../core/commune-code.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import { NewPasswordField, NewUsernameField } from '../account-fields/index.tsx';

/** A new office account: its name, role (a commune viewer with its commune) and first password. */
export function NewAccountForm({
  office,
  onCreated,
}: {
  office: OfficeServices;
  onCreated: (account: Account) => Promise<void>;
}) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [communeCode, setCommuneCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    try {
      const created = await office.createAccount({
        username: username.trim().toLowerCase(),
        displayName: displayName.trim(),
        role,
        communeCode: role === 'commune-viewer' ? communeCode.trim() : null,
        password,
      });
      setUsername('');
      setDisplayName('');
      setCommuneCode('');
      setPassword('');
      await onCreated(created);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="new-account-title">
      <h3 id="new-account-title">Tạo tài khoản mới</h3>
      <NewUsernameField
        id="new-account-username"
        label="Tên đăng nhập mới"
        value={username}
        onInput={setUsername}
      />
      <label>
        <span>Họ và tên người dùng</span>
        <input
          required
          value={displayName}
          onInput={(e) => setDisplayName(e.currentTarget.value)}
        />
      </label>
      <label>
        <span>Vai trò</span>
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
      {role === 'commune-viewer' && (
        <label>
          <span>Mã xã của tài khoản</span>
          <input
            inputMode="numeric"
            pattern={COMMUNE_CODE_PATTERN}
            required
            value={communeCode}
            onInput={(e) => setCommuneCode(e.currentTarget.value)}
          />
        </label>
      )}
      <NewPasswordField
        label="Mật khẩu ban đầu (ít nhất 10 ký tự)"
        value={password}
        onInput={setPassword}
      />
      <AlertText text={error} />
      <button type="submit" class="btn btn-primary">
        Tạo tài khoản
      </button>
    </form>
  );
}
