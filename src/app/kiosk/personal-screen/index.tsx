import { Screen } from '../../components/screen/index.tsx';
import { privacyNotice } from '../privacy-notice.ts';
import './style.css';

interface Props {
  communeName: string;
  collectorName: string;
  consented: boolean;
  name: string;
  address: string;
  suggestion: string;
  onConsent: (consented: boolean) => void;
  onField: (field: 'name' | 'address' | 'suggestion', text: string) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Optional name and address (only after consent) and an optional suggestion. */
export function PersonalScreen(props: Props) {
  const { consented } = props;
  return (
    <Screen
      title="Thông tin thêm (không bắt buộc)"
      screenKey="personal"
      actions={
        <>
          <button type="button" class="btn" onClick={props.onBack}>
            Quay lại
          </button>
          <button type="button" class="btn btn-primary" onClick={props.onNext}>
            Tiếp theo
          </button>
        </>
      }
    >
      <div class="notice" id="privacy-notice">
        {privacyNotice(props.communeName, props.collectorName).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <label class="consent">
        <input
          type="checkbox"
          checked={consented}
          aria-describedby="privacy-notice"
          onChange={(e) => props.onConsent(e.currentTarget.checked)}
        />
        <span>Tôi đồng ý cung cấp họ tên và địa chỉ</span>
      </label>
      <div class="personal-fields">
        <label class="field">
          <span>Họ và tên</span>
          <input
            type="text"
            autoComplete="off"
            maxLength={200}
            disabled={!consented}
            value={props.name}
            onInput={(e) => props.onField('name', e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Địa chỉ</span>
          <input
            type="text"
            autoComplete="off"
            maxLength={300}
            disabled={!consented}
            value={props.address}
            onInput={(e) => props.onField('address', e.currentTarget.value)}
          />
        </label>
      </div>
      <label class="field">
        <span>Góp ý (không bắt buộc)</span>
        <textarea
          rows={3}
          maxLength={2000}
          value={props.suggestion}
          onInput={(e) => props.onField('suggestion', e.currentTarget.value)}
        />
      </label>
    </Screen>
  );
}
