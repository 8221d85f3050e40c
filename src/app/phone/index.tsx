import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { type PhoneLink, readPhoneFragment } from '../../core/phone/link.ts';
import type { PhoneAnswers } from '../../core/phone/phone-sheet.ts';
import { type PhoneToken, readPhoneToken } from '../../core/phone/token.ts';
import { Problem } from '../../core/problems.ts';
import { defaultProfile, findForm, findProfile } from '../../core/profile/registry.ts';
import type { FormId, Profile } from '../../core/profile/schema.ts';
import { draftFromFlow, flowReducer, initialFlow } from '../kiosk/flow.ts';
import { PRIVACY_NOTICE_VERSION } from '../kiosk/privacy-notice.ts';
import { SheetSteps } from '../kiosk/sheet-steps.tsx';
import { StartScreen } from '../kiosk/start-screen/index.tsx';
import { watchForAppUpdates } from '../shell/app-update.ts';
import { useQuestionReader } from '../speech/use-reader.ts';
import '../theme.css';
import { deviceProblems } from '../../core/problems/device.ts';
import { AnswerQr } from './answer-qr/index.tsx';
import { createPhoneServices, type PhoneServices } from './phone-services.ts';
import './style.css';

/** Where the phone came from: the kiosk's QR (a token, with the kiosk's profile) or a printed desk QR. */
export type { PhoneLink } from '../../core/phone/link.ts';
export const phoneLinkOf = readPhoneFragment;

/**
 * The profile the phone asks on: the one the kiosk's link names, else the default one (a
 * desk QR, a link of the default profile). A link naming a profile this build does not
 * know cannot be answered.
 */
function profileOfLink(link: PhoneLink | undefined): Profile | undefined {
  if (link?.kind !== 'token' || !link.profile) return defaultProfile;
  return findProfile(link.profile.profileId, link.profile.profileVersion);
}

type Stage =
  | { kind: 'opening' }
  | { kind: 'closed'; message: string }
  | { kind: 'answering'; token: string; formId: FormId; communeName: string }
  | { kind: 'sent'; communeName: string }
  | { kind: 'queued'; token: string; claim: string; answers: PhoneAnswers; communeName: string };

const NOT_A_LINK = new Problem('token.damaged').message;

/** Opens the link: a usable token and the commune's name, or why the phone cannot answer. */
async function open(link: PhoneLink | undefined, services: PhoneServices): Promise<Stage> {
  if (!link || !profileOfLink(link)) return { kind: 'closed', message: NOT_A_LINK };
  if (link.kind === 'desk') {
    const issued = await services.requestDeskToken(link.deskId);
    if (issued.kind === 'offline')
      return { kind: 'closed', message: deviceProblems['desk.needs-network'].message };
    if (issued.kind === 'refused') return { kind: 'closed', message: issued.message };
    const { token, communeName } = issued.value;
    return { kind: 'answering', token, formId: readPhoneToken(token).formId, communeName };
  }
  const { token } = link;
  let read: PhoneToken;
  try {
    read = readPhoneToken(token);
  } catch (e) {
    return { kind: 'closed', message: e instanceof Error ? e.message : NOT_A_LINK };
  }
  // This phone answered this code already (a reload): show where its sheet is, not the form.
  const unnamed = `xã, phường mã ${read.communeCode}`;
  const saved = await services.savedSheet(token);
  if (saved?.kind === 'accepted')
    return { kind: 'sent', communeName: saved.communeName ?? unnamed };
  if (saved?.kind === 'queued')
    return { ...saved, token, communeName: saved.communeName ?? unnamed };
  const status = await services.claimToken(token);
  if (status.kind === 'refused') return { kind: 'closed', message: status.message };
  // Without network the token cannot be checked yet: answer now, the collector decides later.
  const communeName = status.kind === 'ok' ? status.value.communeName : unnamed;
  return { kind: 'answering', token, formId: read.formId, communeName };
}

/**
 * The citizen's own phone: the same sheet as the kiosk, one sheet per token. The thanks
 * come only once the collector has taken the sheet; without network the sheet waits in the
 * phone's outbox, or is shown as a QR for the kiosk at the desk to scan.
 */
export function PhoneApp({
  link,
  services,
}: {
  link: PhoneLink | undefined;
  services: PhoneServices;
}) {
  const [stage, setStage] = useState<Stage>({ kind: 'opening' });
  const [flow, dispatch] = useReducer(flowReducer, initialFlow);
  const [saving, setSaving] = useState(false);
  const [showQr, setShowQr] = useState(false);
  const reader = useQuestionReader();
  const formId = stage.kind === 'answering' ? stage.formId : 'citizen';
  const profile = profileOfLink(link) ?? defaultProfile;
  const form = findForm(profile, formId) ?? profile.forms[0];
  const heading = useRef<HTMLHeadingElement>(null);

  // What waited in the outbox goes first, so a sheet sent just now opens as sent.
  useEffect(() => {
    void services
      .flush()
      .catch(() => undefined)
      .then(() => open(link, services))
      .then(setStage);
  }, [link, services]);

  // A sheet that waited for the network goes as soon as the network is back.
  useEffect(() => {
    if (stage.kind !== 'queued') return;
    const { nonce } = readPhoneToken(stage.token);
    const retry = async () => {
      const report = await services.flush();
      const refused = report.refused.find((r) => r.nonce === nonce);
      if (refused) setStage({ kind: 'closed', message: refused.message });
      else if (report.waiting === 0) setStage({ kind: 'sent', communeName: stage.communeName });
    };
    window.addEventListener('online', retry);
    const timer = setInterval(retry, 30_000);
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(timer);
    };
  }, [stage, services]);

  useEffect(() => heading.current?.focus(), [stage.kind]);

  if (stage.kind === 'opening') return <p class="phone">Đang mở phiếu khảo sát…</p>;
  if (stage.kind === 'closed')
    return (
      <main class="phone phone-message" lang="vi">
        <h1 ref={heading} tabIndex={-1}>
          Chưa thể đánh giá bằng mã này
        </h1>
        <p role="alert">{stage.message}</p>
      </main>
    );
  if (stage.kind === 'sent')
    return (
      <main class="phone phone-message" lang="vi">
        <div role="status">
          <h1 ref={heading} tabIndex={-1}>
            Xin trân trọng cảm ơn Ông/Bà!
          </h1>
          <p>Ý kiến của Ông/Bà đã được gửi tới {stage.communeName}.</p>
        </div>
        <p>Ông/Bà có thể đóng trang này.</p>
      </main>
    );
  if (stage.kind === 'queued')
    return (
      <main class="phone phone-message" lang="vi">
        <h1 ref={heading} tabIndex={-1}>
          Phiếu đã được lưu trên điện thoại
        </h1>
        <p role="status">
          Điện thoại đang không có mạng. Phiếu sẽ tự gửi khi có mạng trở lại, khi Ông/Bà mở lại
          trang này.
        </p>
        <p>Nếu Ông/Bà còn ở quầy, có thể cho máy khảo sát quét mã phiếu để gửi ngay:</p>
        {showQr ? (
          <AnswerQr token={stage.token} claim={stage.claim} answers={stage.answers} />
        ) : (
          <button type="button" class="btn btn-primary" onClick={() => setShowQr(true)}>
            Hiện mã QR cho máy khảo sát quét
          </button>
        )}
      </main>
    );

  if (!form) return <p role="alert">Bộ câu hỏi không có mẫu phiếu nào.</p>;
  const submit = async () => {
    setSaving(true);
    const { channel: _kiosk, ...answers } = draftFromFlow(
      flow,
      profile,
      form,
      PRIVACY_NOTICE_VERSION,
      Date.now(),
    );
    const reply = await services.send(stage.token, answers, stage.communeName);
    setSaving(false);
    if (reply.kind === 'ok') setStage({ kind: 'sent', communeName: stage.communeName });
    else if (reply.kind === 'refused') setStage({ kind: 'closed', message: reply.message });
    else
      setStage({
        kind: 'queued',
        token: stage.token,
        claim: await services.claimOf(stage.token),
        answers,
        communeName: stage.communeName,
      });
  };
  return (
    <div class="kiosk" lang="vi">
      {flow.step.screen === 'start' ? (
        <StartScreen
          communeName={stage.communeName}
          form={form}
          onStart={() => dispatch({ type: 'start', at: Date.now(), askResidency: true })}
        />
      ) : (
        <SheetSteps
          flow={flow}
          dispatch={dispatch}
          form={form}
          profile={profile}
          communeName={stage.communeName}
          collectorName={`UBND ${stage.communeName}`}
          askResidency
          reader={reader}
          saving={saving}
          saveError={undefined}
          onSubmit={submit}
        />
      )}
    </div>
  );
}

/** The phone screen as the page opens it: real outbox and collector, link from the address. */
export function PhoneScreen() {
  const [services] = useState(() => createPhoneServices());
  const [link] = useState(() => phoneLinkOf(window.location.hash));
  // Registered so the page opens again without network and the outbox can be sent later.
  useEffect(() => {
    void watchForAppUpdates(() => {});
  }, []);
  return <PhoneApp link={link} services={services} />;
}
