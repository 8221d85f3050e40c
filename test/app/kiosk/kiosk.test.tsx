import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KioskApp } from '../../../src/app/kiosk/index.tsx';
import { haiDuong2024 as profile } from '../../../src/core/profile/index.ts';
import type { KioskSettings } from '../../../src/core/settings.ts';
import { UPDATE_WORDS } from '../../../src/core/vocabulary.ts';
import { FakeServices } from '../fake-services.ts';

const LEVELS = ['Tốt', 'Khá', 'Trung bình', 'Yếu'];

function renderKiosk(services = new FakeServices(), settings: Partial<KioskSettings> = {}) {
  const merged = { ...services.settings, ...settings };
  const onAdminRequest = vi.fn();
  render(
    <KioskApp
      services={services}
      settings={merged}
      profile={profile}
      onAdminRequest={onAdminRequest}
    />,
  );
  return { services, onAdminRequest };
}

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const choose = (label: string) => fireEvent.click(screen.getByRole('radio', { name: label }));

/** Start, say "Có" to residency, answer the five questions. */
function answerAll(labels: string[]) {
  click('Bắt đầu đánh giá');
  choose('Có');
  click('Tiếp theo');
  for (const label of labels) {
    choose(label);
    click('Tiếp theo');
  }
}

afterEach(() => vi.useRealTimers());

/**
 * Lets fake time pass in half-second steps, each in its own act(): Preact runs effects at
 * the end of an act, and the idle countdown is a chain of effect → timer → state.
 */
async function elapse(ms: number) {
  let passed = 0;
  do {
    const step = Math.min(500, ms - passed);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(step);
    });
    passed += step;
  } while (passed < ms);
}

describe('kiosk flow', () => {
  it('hands storage the exact draft of what was answered', async () => {
    const { services } = renderKiosk();
    answerAll(['Tốt', 'Khá', 'Trung bình', 'Yếu', 'Tốt']);
    fireEvent.input(screen.getByRole('textbox', { name: 'Góp ý (không bắt buộc)' }), {
      target: { value: '  Cần thêm ghế chờ  ' },
    });
    click('Tiếp theo');
    click('Gửi phiếu');
    await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
    const [draft] = services.drafts;
    expect(draft).toMatchObject({
      profileId: 'hai-duong-2024',
      profileVersion: 1,
      formId: 'citizen',
      formVersion: 1,
      channel: 'kiosk',
      answers: ['tot', 'kha', 'trung-binh', 'yeu', 'tot'],
      nonResident: false,
      suggestion: 'Cần thêm ghế chờ',
    });
    expect(draft).not.toHaveProperty('respondent');
    expect(draft?.createdAt).toBeGreaterThanOrEqual(draft?.startedAt ?? Number.POSITIVE_INFINITY);
  });

  it('labels the four radios exactly as on the form and shows the progress', () => {
    renderKiosk();
    click('Bắt đầu đánh giá');
    choose('Có');
    click('Tiếp theo');
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([
      'tot',
      'kha',
      'trung-binh',
      'yeu',
    ]);
    for (const label of LEVELS) expect(screen.getByRole('radio', { name: label })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Câu 1/5' })).toBeTruthy();
    const question = profile.forms[0]?.questions[0]?.text ?? '';
    expect(screen.getByRole('radiogroup', { name: question })).toBeTruthy();
  });

  it('keeps "Tiếp theo" disabled until the question is answered', () => {
    renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    expect((screen.getByRole('button', { name: 'Tiếp theo' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    choose('Khá');
    expect((screen.getByRole('button', { name: 'Tiếp theo' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('shows the thank-you only after the sheet has been stored', async () => {
    const services = new FakeServices();
    let release = () => {};
    services.commit = () => new Promise<void>((resolve) => (release = resolve));
    renderKiosk(services);
    answerAll(['Tốt', 'Tốt', 'Tốt', 'Tốt', 'Tốt']);
    click('Tiếp theo');
    click('Gửi phiếu');
    await waitFor(() => expect(services.drafts).toHaveLength(1));
    expect(screen.queryByText('Xin trân trọng cảm ơn Ông/Bà!')).toBeNull();
    release();
    await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
  });

  it('keeps the answers and offers a retry when storing fails', async () => {
    const services = new FakeServices();
    services.commit = async () => {
      throw new Error('QuotaExceededError');
    };
    renderKiosk(services);
    answerAll(['Khá', 'Khá', 'Khá', 'Khá', 'Khá']);
    click('Tiếp theo');
    click('Gửi phiếu');
    expect((await screen.findByRole('alert')).textContent).toContain('chưa lưu được phiếu');
    services.commit = async () => {};
    click('Thử lại');
    await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
    expect(services.sheets[0]?.answers).toEqual(['kha', 'kha', 'kha', 'kha', 'kha']);
  });

  it('keeps an answer when going back', () => {
    renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    choose('Trung bình');
    click('Tiếp theo');
    click('Quay lại');
    expect((screen.getByRole('radio', { name: 'Trung bình' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('asks for an optional reason only after Trung bình or Yếu', () => {
    renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    choose('Khá');
    expect(screen.queryByRole('textbox', { name: 'Lý do (không bắt buộc)' })).toBeNull();
    choose('Yếu');
    expect(screen.getByRole('textbox', { name: 'Lý do (không bắt buộc)' })).toBeTruthy();
  });

  it('keeps name and address closed until consent, and leaves them out without it', async () => {
    const { services } = renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    for (let i = 0; i < 5; i++) {
      choose('Tốt');
      click('Tiếp theo');
    }
    const name = screen.getByRole('textbox', { name: 'Họ và tên' }) as HTMLInputElement;
    expect(name.disabled).toBe(true);
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Tôi đồng ý cung cấp họ tên và địa chỉ' }),
    );
    expect(name.disabled).toBe(false);
    fireEvent.input(name, { target: { value: 'Trần Thị B' } });
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Tôi đồng ý cung cấp họ tên và địa chỉ' }),
    );
    click('Tiếp theo');
    click('Gửi phiếu');
    await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
    expect(services.drafts[0]).not.toHaveProperty('respondent');
  });

  it('records the consent with the notice version when a name is given', async () => {
    const { services } = renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    for (let i = 0; i < 5; i++) {
      choose('Tốt');
      click('Tiếp theo');
    }
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Tôi đồng ý cung cấp họ tên và địa chỉ' }),
    );
    fireEvent.input(screen.getByRole('textbox', { name: 'Họ và tên' }), {
      target: { value: 'Trần Thị B' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Địa chỉ' }), {
      target: { value: 'Thôn Đông' },
    });
    click('Tiếp theo');
    click('Gửi phiếu');
    await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
    expect(services.drafts[0]?.respondent).toMatchObject({
      name: 'Trần Thị B',
      address: 'Thôn Đông',
      consent: { noticeVersion: 1 },
    });
  });

  it('marks a non-resident’s sheet', async () => {
    const { services } = renderKiosk();
    click('Bắt đầu đánh giá');
    choose('Không');
    click('Tiếp theo');
    for (let i = 0; i < 5; i++) {
      choose('Tốt');
      click('Tiếp theo');
    }
    click('Tiếp theo');
    click('Gửi phiếu');
    await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
    expect(services.drafts[0]?.nonResident).toBe(true);
  });

  it('returns to the start screen after the thank-you pause', async () => {
    vi.useFakeTimers();
    renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    for (let i = 0; i < 5; i++) {
      choose('Tốt');
      click('Tiếp theo');
    }
    click('Tiếp theo');
    click('Gửi phiếu');
    await elapse(0);
    expect(screen.getByText('Xin trân trọng cảm ơn Ông/Bà!')).toBeTruthy();
    await elapse(6000);
    expect(screen.getByRole('button', { name: 'Bắt đầu đánh giá' })).toBeTruthy();
  });

  it('asks whether to continue after a pause, then discards the unfinished sheet', async () => {
    vi.useFakeTimers();
    const { services } = renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    choose('Tốt');
    await elapse(60_000);
    const dialog = screen.getByRole('alertdialog', { name: 'Ông/Bà có muốn tiếp tục không?' });
    expect(dialog.textContent).toContain('20');
    await elapse(20_500);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Bắt đầu đánh giá' })).toBeTruthy();
    expect(services.drafts).toEqual([]);
    click('Bắt đầu đánh giá');
    expect((screen.getByRole('radio', { name: 'Tốt' }) as HTMLInputElement).checked).toBe(false);
  });

  it('goes on with the same sheet when the respondent taps "Tiếp tục"', async () => {
    vi.useFakeTimers();
    renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    choose('Khá');
    await elapse(60_000);
    click('Tiếp tục');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((screen.getByRole('radio', { name: 'Khá' }) as HTMLInputElement).checked).toBe(true);
  });

  it('reviews each answer beside its question’s topic and jumps to one question and back', async () => {
    const { services } = renderKiosk();
    answerAll(['Tốt', 'Khá', 'Trung bình', 'Yếu', 'Tốt']);
    click('Tiếp theo');
    const rows = screen.getAllByRole('listitem').map((li) => li.textContent);
    const questions = profile.forms[0]?.questions ?? [];
    expect(rows).toHaveLength(5);
    questions.forEach((q, i) => {
      expect(rows[i]).toContain(`Câu ${q.number}. ${q.topic}`);
    });
    expect(rows[1]).toContain('Khá');

    click('Sửa câu 2');
    expect(screen.getByRole('heading', { name: 'Câu 2/5' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Khá' }) as HTMLInputElement).checked).toBe(true);
    choose('Tốt');
    click('Tiếp theo');
    expect(screen.getByRole('heading', { name: 'Xem lại phiếu' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')[1]?.textContent).toContain('Tốt');
    click('Gửi phiếu');
    await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
    expect(services.drafts[0]?.answers).toEqual(['tot', 'tot', 'trung-binh', 'yeu', 'tot']);
  });

  it('idle dialog: takes focus, keeps Tab inside, goes on with Escape and gives focus back', async () => {
    vi.useFakeTimers();
    renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    choose('Khá');
    const chosen = screen.getByRole('radio', { name: 'Khá' }) as HTMLInputElement;
    chosen.focus();
    await elapse(60_000);
    const dialog = screen.getByRole('alertdialog', { name: 'Ông/Bà có muốn tiếp tục không?' });
    const [discard, goOn] = within(dialog).getAllByRole('button');
    expect([discard?.textContent, goOn?.textContent]).toEqual(['Hủy phiếu', 'Tiếp tục']);
    expect(document.activeElement).toBe(goOn);
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(discard);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(goOn);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(chosen.checked).toBe(true);
    expect(document.activeElement).toBe(chosen);
  });

  it('idle dialog: "Hủy phiếu" throws the unfinished sheet away at once', async () => {
    vi.useFakeTimers();
    const { services } = renderKiosk(new FakeServices(), { askResidency: false });
    click('Bắt đầu đánh giá');
    choose('Yếu');
    await elapse(60_000);
    click('Hủy phiếu');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Bắt đầu đánh giá' })).toBeTruthy();
    expect(services.drafts).toEqual([]);
  });

  it('calls the admin only from the start screen', () => {
    const { onAdminRequest } = renderKiosk();
    click('Quản trị');
    expect(onAdminRequest).toHaveBeenCalledOnce();
    click('Bắt đầu đánh giá');
    expect(screen.queryByRole('button', { name: 'Quản trị' })).toBeNull();
  });

  it('keeps "Bắt đầu đánh giá" waiting, and says why, while a new version is applied', () => {
    const services = new FakeServices();
    const { rerender } = render(
      <KioskApp
        services={services}
        settings={services.settings}
        profile={profile}
        onAdminRequest={vi.fn()}
        updating
      />,
    );
    const start = screen.getByRole('button', { name: 'Bắt đầu đánh giá' });
    expect(start).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toBe(UPDATE_WORDS.applying);
    fireEvent.click(start);
    expect(screen.queryByRole('radio', { name: 'Có' })).toBeNull();
    rerender(
      <KioskApp
        services={services}
        settings={services.settings}
        profile={profile}
        onAdminRequest={vi.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Bắt đầu đánh giá' })).toHaveProperty(
      'disabled',
      false,
    );
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
