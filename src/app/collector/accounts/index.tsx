import { useEffect, useState } from 'preact/hooks';
import { type Account, ROLE_LABEL } from '../../../core/accounts.ts';
import { formatDateTime } from '../../../core/format.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { TableBox } from '../../components/table-box/index.tsx';
import type { OfficeAccount, OfficeServices } from '../../office-services.ts';
import { NewPasswordField } from '../account-fields/index.tsx';
import { NewAccountForm } from './new-account.tsx';

const messageOf = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);

/**
 * The office's accounts, for an office admin: who may sign in with which role, who is disabled,
 * when each last signed in; a new account, a disabled or enabled one, a new password.
 */
export function AccountsScreen({ office, self }: { office: OfficeServices; self: OfficeAccount }) {
  const [accounts, setAccounts] = useState<Account[] | undefined>(undefined);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const load = async () => {
    try {
      setAccounts(await office.accounts());
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  useEffect(() => {
    void load();
  }, [office]);

  const change = async (
    account: Account,
    changed: { disabled?: boolean; password?: string },
    said: string,
  ) => {
    setError('');
    setDone('');
    try {
      await office.changeAccount(account.username, changed);
      setDone(said);
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">Tài khoản của cơ quan thu phiếu</h2>
      <AlertText text={error} />
      {done && (
        <p role="status" class="admin-notice">
          {done}
        </p>
      )}
      {accounts && (
        <TableBox label="Danh sách tài khoản">
          <table aria-label="Danh sách tài khoản">
            <thead>
              <tr>
                <th scope="col">Tên đăng nhập</th>
                <th scope="col">Họ và tên</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Đăng nhập gần nhất</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.username}>
                  <th scope="row">{a.username}</th>
                  <td>{a.displayName}</td>
                  <td>
                    {ROLE_LABEL[a.role]}
                    {a.communeCode !== null && ` (xã ${a.communeCode})`}
                  </td>
                  <td>
                    {a.disabledAt === null
                      ? 'Đang dùng'
                      : `Đã khóa từ ${formatDateTime(a.disabledAt)}`}
                  </td>
                  <td>
                    {a.lastSignInAt === null ? 'Chưa đăng nhập' : formatDateTime(a.lastSignInAt)}
                  </td>
                  <td>
                    {a.username !== self.username && (
                      <button
                        type="button"
                        class="btn"
                        onClick={() =>
                          void change(
                            a,
                            { disabled: a.disabledAt === null },
                            a.disabledAt === null
                              ? `Đã khóa tài khoản ${a.username}.`
                              : `Đã mở khóa tài khoản ${a.username}.`,
                          )
                        }
                      >
                        {a.disabledAt === null ? `Khóa ${a.username}` : `Mở khóa ${a.username}`}
                      </button>
                    )}
                    <ResetPassword
                      account={a}
                      onReset={(password) =>
                        change(a, { password }, `Đã đặt mật khẩu mới cho ${a.username}.`)
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      <NewAccountForm
        office={office}
        onCreated={async (created) => {
          setDone(`Đã tạo tài khoản ${created.username}.`);
          await load();
        }}
      />
    </section>
  );
}

/** A new password for an account, typed by the admin and given to its holder in person. */
function ResetPassword({
  account,
  onReset,
}: {
  account: Account;
  onReset: (password: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  if (!open)
    return (
      <button type="button" class="btn" onClick={() => setOpen(true)}>
        Đặt lại mật khẩu của {account.username}
      </button>
    );
  return (
    <form
      class="admin-bar"
      onSubmit={async (e) => {
        e.preventDefault();
        await onReset(password);
        setPassword('');
        setOpen(false);
      }}
    >
      <NewPasswordField
        label={`Mật khẩu mới của ${account.username} (ít nhất 10 ký tự)`}
        value={password}
        onInput={setPassword}
      />
      <button type="submit" class="btn btn-primary">
        Lưu mật khẩu mới
      </button>
      <button type="button" class="btn" onClick={() => setOpen(false)}>
        Thôi
      </button>
    </form>
  );
}
