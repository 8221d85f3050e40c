import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KioskApp } from '../../../src/app/kiosk/index.tsx';
import { chooseVietnameseVoice } from '../../../src/app/speech/reader.ts';
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

type FakeVoice = { lang: string; name: string; localService?: boolean; default?: boolean };

function installSpeech(voices: FakeVoice[]) {
  const spoken: string[] = [];
  const voicesUsed: unknown[] = [];
  vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => voices,
    speak: (u: Utterance) => {
      spoken.push(u.text);
      voicesUsed.push(u.voice);
    },
    cancel: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
  });
  return Object.assign(spoken, { voicesUsed });
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

  it('speaks with the standard vi-VN voice the device offers', async () => {
    const spoken = installSpeech([
      { lang: 'vi', name: 'Vietnamese', localService: true },
      { lang: 'vi-VN', name: 'Tiếng Việt', localService: true },
    ]);
    openFirstQuestion();
    fireEvent.click(await screen.findByRole('button', { name: /Nghe đọc câu hỏi/ }));
    expect(spoken.voicesUsed).toEqual([expect.objectContaining({ name: 'Tiếng Việt' })]);
  });
});

const voice = (lang: string, name: string, localService = false, isDefault = false) => ({
  lang,
  name,
  localService,
  default: isDefault,
});

describe('choosing the Vietnamese voice', () => {
  it('takes a standard vi-VN voice before any other Vietnamese one', () => {
    const chosen = chooseVietnameseVoice([
      voice('vi', 'Vietnamese', true, true),
      voice('vi-VN', 'Tiếng Việt (mạng)'),
      voice('en-US', 'English', true, true),
    ]);
    expect(chosen?.name).toBe('Tiếng Việt (mạng)');
  });

  it('among vi-VN voices prefers one on the device, then the default one', () => {
    const remote = voice('vi-VN', 'Google tiếng Việt');
    const onDevice = voice('vi-VN', 'Linh', true);
    const byDefault = voice('vi-VN', 'An', false, true);
    expect(chooseVietnameseVoice([remote, byDefault, onDevice])?.name).toBe('Linh');
    expect(chooseVietnameseVoice([remote, byDefault])?.name).toBe('An');
    expect(chooseVietnameseVoice([remote])?.name).toBe('Google tiếng Việt');
  });

  it('reads the language tag however the platform spells it', () => {
    expect(chooseVietnameseVoice([voice('en-GB', 'x'), voice('vi_VN', 'Android')])?.name).toBe(
      'Android',
    );
  });

  it('falls back to any Vietnamese voice, on the device first, and never to another language', () => {
    expect(
      chooseVietnameseVoice([voice('vi', 'Mạng'), voice('vi-x-south', 'Miền Nam', true)])?.name,
    ).toBe('Miền Nam');
    expect(chooseVietnameseVoice([voice('vo', 'Volapük'), voice('en-US', 'English')])).toBe(
      undefined,
    );
  });
});
