import type { Dispatch } from 'preact/hooks';
import type { Form, Profile } from '../../core/profile/schema.ts';
import type { QuestionReader } from '../speech/reader.ts';
import { canGoNext, type FlowAction, type FlowState } from './flow.ts';
import { PersonalScreen } from './personal-screen/index.tsx';
import { QuestionScreen } from './question-screen/index.tsx';
import { ResidencyScreen } from './residency-screen/index.tsx';
import { ReviewScreen } from './review-screen/index.tsx';

interface Props {
  flow: FlowState;
  dispatch: Dispatch<FlowAction>;
  form: Form;
  profile: Profile;
  communeName: string;
  collectorName: string;
  askResidency: boolean;
  reader: QuestionReader;
  saving: boolean;
  saveError: string | undefined;
  onSubmit: () => void;
}

/**
 * The screens of one sheet between start and thanks — residency, questions, personal data,
 * review — shared by the kiosk and the citizen's phone so both ask exactly the same.
 */
export function SheetSteps({
  flow,
  dispatch,
  form,
  profile,
  communeName,
  collectorName,
  askResidency,
  reader,
  saving,
  saveError,
  onSubmit,
}: Props) {
  const step = flow.step;
  const questionCount = form.questions.length;
  const question = step.screen === 'question' ? form.questions[step.index] : undefined;
  const next = () => {
    reader.stop();
    if (canGoNext(flow)) dispatch({ type: 'next', questionCount });
  };
  const back = () => {
    reader.stop();
    dispatch({ type: 'back', askResidency, questionCount });
  };
  return (
    <>
      {step.screen === 'residency' && (
        <ResidencyScreen
          nonResident={flow.nonResident}
          onChoose={(nonResident) => dispatch({ type: 'residency', nonResident })}
          onBack={back}
          onNext={next}
        />
      )}
      {question && step.screen === 'question' && (
        <QuestionScreen
          question={question}
          questionCount={questionCount}
          fromReview={step.fromReview === true}
          levels={profile.levels}
          answer={flow.answers[step.index]}
          reason={flow.reasons[step.index] ?? ''}
          reader={reader}
          onChoose={(levelId) => dispatch({ type: 'choose', index: step.index, levelId })}
          onReason={(text) => dispatch({ type: 'reason', index: step.index, text })}
          onBack={back}
          onNext={next}
        />
      )}
      {step.screen === 'personal' && (
        <PersonalScreen
          communeName={communeName}
          collectorName={collectorName}
          consented={flow.consentAt !== undefined}
          name={flow.name}
          address={flow.address}
          suggestion={flow.suggestion}
          onConsent={(yes) => dispatch({ type: 'consent', at: yes ? Date.now() : undefined })}
          onField={(field, text) => dispatch({ type: 'personal', field, text })}
          onBack={back}
          onNext={next}
        />
      )}
      {step.screen === 'review' && (
        <ReviewScreen
          form={form}
          levels={profile.levels}
          answers={flow.answers}
          saving={saving}
          error={saveError}
          onBack={back}
          onEdit={(index) => {
            reader.stop();
            dispatch({ type: 'edit', index });
          }}
          onSubmit={onSubmit}
        />
      )}
    </>
  );
}
