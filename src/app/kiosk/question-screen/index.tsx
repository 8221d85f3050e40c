import type { Level, Question } from '../../../core/profile/schema.ts';
import { ChoiceGroup } from '../../components/choice-group/index.tsx';
import { Screen } from '../../components/screen/index.tsx';
import type { QuestionReader } from '../../speech/reader.ts';
import './style.css';

interface Props {
  question: Question;
  questionCount: number;
  /** Opened with "Sửa" from the review: "Tiếp theo" leads back there. */
  fromReview: boolean;
  levels: readonly Level[];
  answer: string | undefined;
  reason: string;
  reader: QuestionReader;
  onChoose: (levelId: string) => void;
  onReason: (text: string) => void;
  onBack: () => void;
  onNext: () => void;
}

const pictureOf = (levelId: string) => `${import.meta.env.BASE_URL}pictograms/${levelId}.svg`;

/** One question per screen: the official text, four labelled radios, an optional reason. */
export function QuestionScreen(props: Props) {
  const { question, questionCount, levels, answer, reason, reader } = props;
  const chosen = levels.find((l) => l.id === answer);
  const legendId = `question-${question.number}`;
  const spoken = `Câu ${question.number}. ${question.text} Các mức đánh giá: ${levels.map((l) => l.label).join(', ')}.`;
  return (
    <Screen
      title={`Câu ${question.number}/${questionCount}`}
      screenKey={`question-${question.number}${props.fromReview ? '-edit' : ''}`}
      aside={
        reader.available && (
          <button type="button" class="btn read-aloud" onClick={() => reader.speak(spoken)}>
            <span aria-hidden="true">🔊 </span>Nghe đọc câu hỏi
          </button>
        )
      }
      actions={
        <>
          <button type="button" class="btn" onClick={props.onBack}>
            Quay lại
          </button>
          <button type="button" class="btn btn-primary" disabled={!chosen} onClick={props.onNext}>
            Tiếp theo
          </button>
        </>
      }
    >
      {props.fromReview && (
        <p class="question-edit-hint">Chọn lại nếu cần, rồi bấm “Tiếp theo” để về trang xem lại.</p>
      )}
      <ChoiceGroup
        legend={question.text}
        legendId={legendId}
        name={legendId}
        choices={levels.map((l) => ({ id: l.id, label: l.label, pictureUrl: pictureOf(l.id) }))}
        value={answer}
        onChange={props.onChoose}
      />
      {chosen && !chosen.satisfied && (
        <label class="reason">
          <span>Lý do (không bắt buộc)</span>
          <textarea
            rows={2}
            maxLength={500}
            value={reason}
            onInput={(e) => props.onReason(e.currentTarget.value)}
          />
        </label>
      )}
    </Screen>
  );
}
