import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KioskApp } from '../../../src/app/kiosk/index.tsx';
import { haiDuong2024 as profile } from '../../../src/core/profile/index.ts';
import { FakeServices } from '../fake-services.ts';

class Utterance {
  voice: unknown;
  lang = '';
  rate = 1;
  text: string;
  constructor(text: string) {
    this.text = text;
  }
}

function installSpeech(voices: { lang: string; name: string }[]) {
  const spoken: string[] = [];
  vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => voices,
    speak: (u: Utterance) => spoken.push(u.text),
    cancel: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
  });
  return spoken;
}

function openFirstQuestion() {
  const services = new FakeServices({ askResidency: false });
  render(
    <KioskApp
      services={services}
      settings={services.settings}
      profile={profile}
      onAdminRequest={() => {}}
    />,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Bắt đầu đánh giá' }));
}

afterEach(() => vi.unstubAllGlobals());

describe('read aloud', () => {
  it('hides the button when the device has no Vietnamese voice', () => {
    installSpeech([{ lang: 'en-US', name: 'English' }]);
    openFirstQuestion();
    expect(screen.queryByRole('button', { name: /Nghe đọc câu hỏi/ })).toBeNull();
  });

  it('reads the question text with a Vietnamese voice', async () => {
    const spoken = installSpeech([{ lang: 'vi-VN', name: 'Tiếng Việt' }]);
    openFirstQuestion();
    fireEvent.click(await screen.findByRole('button', { name: /Nghe đọc câu hỏi/ }));
    const question = profile.forms[0]?.questions[0]?.text ?? '';
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toContain(question);
    expect(spoken[0]).toContain('Tốt, Khá, Trung bình, Yếu');
  });
});
