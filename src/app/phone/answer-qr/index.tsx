import { useEffect, useState } from 'preact/hooks';
import { answerQrOf } from '../../../core/phone/answer-qr.ts';
import type { PhoneAnswers } from '../../../core/phone/phone-sheet.ts';
import { readPhoneToken } from '../../../core/phone/token.ts';
import { findProfile } from '../../../core/profile/registry.ts';
import { frameToSvg } from '../../../transport/qr-frame-image.ts';
import { QrImage } from '../../components/qr-image/index.tsx';

/** The sheet as a QR for the kiosk's camera, when the phone has no network at the desk. */
export function AnswerQr({
  token,
  claim,
  answers,
}: {
  token: string;
  claim: string;
  answers: PhoneAnswers;
}) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    // The sheet names the profile it was answered on: its levels give the QR's answer codes.
    const profile = findProfile(answers.profileId, answers.profileVersion);
    if (profile)
      frameToSvg(answerQrOf(readPhoneToken(token), answers, profile, claim)).then(setSvg);
  }, [token, claim, answers]);
  return (
    <QrImage class="phone-answer-qr" label="Mã QR phiếu trả lời, để máy khảo sát quét" svg={svg} />
  );
}
