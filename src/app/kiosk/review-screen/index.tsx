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
  /** Opens one question (by index) to change its answer; "Tiếp theo" there comes back here. */
  onEdit: (index: number) => void;
  onSubmit: () => void;
}

/**
 * The five answers once more before sending, each beside what its question is about, each
 * with a button to go straight back to that question. Sending waits for the device to store them.
 */
export function ReviewScreen(props: Props) {
  const { form, levels, answers, saving, error } = props;
  return (
    <Screen
      title="Xem lại phiếu"
      screenKey="review"
      actions={
        <>
          <button type="button" class="btn" onClick={props.onBack} disabled={saving}>
            Quay lại
          </button>
          <button type="button" class="btn btn-primary" onClick={props.onSubmit} disabled={saving}>
            {error ? 'Thử lại' : 'Gửi phiếu'}
          </button>
        </>
      }
    >
      <p class="review-hint">Muốn đổi câu nào, Ông/Bà bấm “Sửa” ở câu đó.</p>
      <ol class="review-list">
        {form.questions.map((q, i) => (
          <li key={q.number} class="review-row">
            <span class="review-question">
              <span class="review-number">Câu {q.number}.</span> {q.topic}
            </span>
            <strong class="review-answer">{levels.find((l) => l.id === answers[i])?.label}</strong>
            <button
              type="button"
              class="btn review-edit"
              disabled={saving}
              onClick={() => props.onEdit(i)}
            >
              Sửa<span class="visually-hidden"> câu {q.number}</span>
            </button>
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
