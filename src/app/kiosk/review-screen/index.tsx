import type { Form, Level } from '../../../core/profile/schema.ts';
import { Screen } from '../../components/screen/index.tsx';
import './style.css';

interface Props {
  form: Form;
  levels: readonly Level[];
  answers: readonly (string | undefined)[];
  saving: boolean;
  error: string | undefined;
  onBack: () => void;
  onSubmit: () => void;
}

/** The five answers once more before sending; sending waits for the device to store them. */
export function ReviewScreen({ form, levels, answers, saving, error, onBack, onSubmit }: Props) {
  return (
    <Screen
      title="Xem lại phiếu"
      screenKey="review"
      actions={
        <>
          <button type="button" class="btn" onClick={onBack} disabled={saving}>
            Quay lại
          </button>
          <button type="button" class="btn btn-primary" onClick={onSubmit} disabled={saving}>
            {error ? 'Thử lại' : 'Gửi phiếu'}
          </button>
        </>
      }
    >
      <ol class="review-list">
        {form.questions.map((q, i) => (
          <li key={q.number}>
            <span class="review-question">Câu {q.number}</span>
            <strong>{levels.find((l) => l.id === answers[i])?.label}</strong>
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" class="review-error">
          {error}
        </p>
      )}
    </Screen>
  );
}
