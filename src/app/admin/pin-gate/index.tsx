import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../../../core/format.ts';
import { deviceProblems } from '../../../core/problems/device.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { PinCheck, PinService } from '../../services.ts';

interface Props {
  pin: PinService;
  onUnlocked: () => void;
  onExit: () => void;
}

const PIN_PATTERN = /^\d{4,8}$/;

/** First run sets the admin PIN; later runs ask for it, with the lockout the storage enforces. */
export function PinGate({ pin, onUnlocked, onExit }: Props) {
  const [isSet, setIsSet] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    pin.isSet().then(setIsSet);
  }, [pin]);
  if (isSet === undefined) return <p>Đang tải…</p>;
  return (
    <main class="admin">
      {isSet ? (
        <UnlockForm pin={pin} onUnlocked={onUnlocked} />
      ) : (
        <SetPinForm pin={pin} onUnlocked={onUnlocked} />
      )}
      <button type="button" class="btn" onClick={onExit}>
        Về màn hình khảo sát
      </button>
    </main>
  );
}

function SetPinForm({ pin, onUnlocked }: Pick<Props, 'pin' | 'onUnlocked'>) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!PIN_PATTERN.test(first)) return setError(deviceProblems['pin.invalid'].message);
    if (first !== second) return setError('Hai lần nhập mã PIN không khớp. Vui lòng nhập lại.');
    await pin.set(first);
    onUnlocked();
  };
  return (
    <form onSubmit={submit}>
      <h1>Đặt mã PIN quản trị</h1>
      <p>Mã PIN bảo vệ phần cài đặt và dữ liệu của máy. Giữ mã PIN cẩn thận.</p>
      <PinInput label="Mã PIN mới" value={first} onInput={setFirst} />
      <PinInput label="Nhập lại mã PIN" value={second} onInput={setSecond} />
      <AlertText text={error} />
      <button type="submit" class="btn btn-primary">
        Lưu mã PIN
      </button>
    </form>
  );
}

function UnlockForm({ pin, onUnlocked }: Pick<Props, 'pin' | 'onUnlocked'>) {
  const [value, setValue] = useState('');
  const [result, setResult] = useState<PinCheck | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setChecking(true);
    const check = await pin.verify(value);
    setChecking(false);
    setValue('');
    if (check.ok) onUnlocked();
    else setResult(check);
  };
  const locked =
    result?.ok === false && result.reason === 'locked' && result.lockedUntil > Date.now();
  return (
    <form onSubmit={submit}>
      <h1>Quản trị</h1>
      <PinInput label="Mã PIN" value={value} onInput={setValue} />
      {result && !result.ok && (
        <p role="alert" class="admin-error">
          {result.reason === 'locked'
            ? `Nhập sai quá nhiều lần. Máy tạm khóa đến ${formatDateTime(result.lockedUntil)}.`
            : `Mã PIN không đúng. Còn ${result.triesLeft} lần thử.`}
        </p>
      )}
      <button type="submit" class="btn btn-primary" disabled={checking || locked}>
        Mở khóa
      </button>
    </form>
  );
}

function PinInput({
  label,
  value,
  onInput,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
}) {
  return (
    <label>
      <span>{label}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
}
