import { useCallback, useEffect, useReducer, useState } from 'preact/hooks';
import { findForm } from '../../core/profile/registry.ts';
import type { Profile } from '../../core/profile/schema.ts';
import type { KioskSettings } from '../../core/settings.ts';
import { IDLE_WORDS, UPDATE_WORDS } from '../../core/vocabulary.ts';
import { IdleGuard } from '../components/idle-guard/index.tsx';
import { keepScreenAwake } from '../platform/wake-lock.ts';
import type { KioskServices } from '../services.ts';
import { useQuestionReader } from '../speech/use-reader.ts';
import '../theme.css';
import { deviceProblems } from '../../core/problems/device.ts';
import { draftFromFlow, flowReducer, initialFlow } from './flow.ts';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice.ts';
import { SheetSteps } from './sheet-steps.tsx';
import { StartScreen } from './start-screen/index.tsx';
import { ThanksScreen } from './thanks-screen/index.tsx';

type PhoneQrComponent = typeof import('./phone-qr/index.tsx').PhoneQr;

interface Props {
  services: KioskServices;
  settings: KioskSettings;
  profile: Profile;
  onAdminRequest: () => void;
  onStartScreenChange?: (onStart: boolean) => void;
  /** A new version is being applied: the start button waits until the reload (shell). */
  updating?: boolean;
}

/** The citizen-facing kiosk: start → (residency) → questions → personal → review → thanks. */
export function KioskApp({
  services,
  settings,
  profile,
  onAdminRequest,
  onStartScreenChange,
  updating = false,
}: Props) {
  const form = findForm(profile, settings.formId) ?? profile.forms[0];
  const [flow, dispatch] = useReducer(flowReducer, initialFlow);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const reader = useQuestionReader();
  const { timing, askResidency } = settings;
  const step = flow.step;

  useEffect(() => keepScreenAwake(), []);
  // The phone QR (and the QR library under it) loads after the start screen is up.
  const [PhoneQr, setPhoneQr] = useState<PhoneQrComponent | undefined>(undefined);
  useEffect(() => {
    import('./phone-qr/index.tsx').then((m) => setPhoneQr(() => m.PhoneQr));
  }, []);
  useEffect(
    () => onStartScreenChange?.(step.screen === 'start'),
    [step.screen, onStartScreenChange],
  );

  const discard = useCallback(() => {
    reader.stop();
    setSaveError(undefined);
    dispatch({ type: 'reset' });
  }, [reader]);
  const midSheet = step.screen !== 'start' && step.screen !== 'thanks' && !saving;

  useEffect(() => {
    if (step.screen !== 'thanks') return;
    const back = setTimeout(() => dispatch({ type: 'reset' }), timing.thankYouSeconds * 1000);
    return () => clearTimeout(back);
  }, [step.screen, timing.thankYouSeconds]);

  if (!form)
    return <p role="alert">Bộ câu hỏi không có mẫu phiếu nào. Vui lòng báo cán bộ quản trị.</p>;

  const submit = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      await services.submitSheet(
        draftFromFlow(flow, profile, form, PRIVACY_NOTICE_VERSION, Date.now()),
      );
      dispatch({ type: 'submitted' });
    } catch {
      setSaveError(deviceProblems['sheet.not-saved'].message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="kiosk" lang="vi">
      {step.screen === 'start' && (
        <StartScreen
          communeName={settings.communeName}
          form={form}
          onStart={() => dispatch({ type: 'start', at: Date.now(), askResidency })}
          onAdmin={onAdminRequest}
          waiting={updating ? UPDATE_WORDS.applying : undefined}
        >
          {PhoneQr && <PhoneQr collector={services.collector} />}
        </StartScreen>
      )}
      <SheetSteps
        flow={flow}
        dispatch={dispatch}
        form={form}
        profile={profile}
        communeName={settings.communeName}
        collectorName={settings.collectorName}
        askResidency={askResidency}
        reader={reader}
        saving={saving}
        saveError={saveError}
        onSubmit={submit}
      />
      {step.screen === 'thanks' && <ThanksScreen seconds={timing.thankYouSeconds} />}
      <IdleGuard
        active={midSheet}
        idleSeconds={timing.idleSeconds}
        countdownSeconds={timing.idleCountdownSeconds}
        words={IDLE_WORDS.sheet}
        onExpire={discard}
      />
    </div>
  );
}
