import { fireEvent, render, screen } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhoneApp } from '../../../src/app/phone/index.tsx';
import type { PhoneServices, SavedPhoneSheet } from '../../../src/app/phone/phone-services.ts';
import type { PhoneAnswers } from '../../../src/core/phone/phone-sheet.ts';
import { issuePhoneToken } from '../../../src/core/phone/token.ts';
import { addKnownProfile } from '../../../src/core/profile/registry.ts';
import { signerOf } from '../../fixtures/batches.ts';
import { sixQuestions } from '../../fixtures/profiles/six-questions.ts';

const now = Date.UTC(2026, 10, 24, 2);
const token = () =>
  issuePhoneToken(signerOf(new Uint8Array(32).fill(3)), {
    deviceId: '3f2a9c0d1e4b5a68',
    formId: 'citizen',
    communeCode: '10507',
    issuedAt: now,
    lifetimeMinutes: 15,
    nonce: '00000000000000e1',
  });

/**
 * A phone's services over one in-memory record, as the phone's IndexedDB keeps it; the
 * collector refuses a second use of the code, as it does once the sheet is in.
 */
function fakePhone(): PhoneServices & { saved?: SavedPhoneSheet } {
  const phone: PhoneServices & { saved?: SavedPhoneSheet } = {
    savedSheet: async () => phone.saved,
    claimToken: async () =>
      phone.saved
        ? { kind: 'refused', code: '409.3', message: 'Mã đánh giá này đã được dùng.' }
        : {
            kind: 'ok',
            value: {
              communeCode: '10507',
              communeName: 'Xã Tứ Kỳ',
              formId: 'citizen',
              expiresAt: 0,
            },
          },
    claimOf: async () => 'c'.repeat(22),
    requestDeskToken: async () => ({ kind: 'offline' }),
    send: async (_token: string, _answers: PhoneAnswers, communeName: string) => {
      phone.saved = { kind: 'accepted', communeName };
      return { kind: 'ok', value: { status: 'received' } };
    },
    flush: async () => ({ waiting: 0, refused: [] }),
  };
  return phone;
}

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('phone screen', () => {
  it('after its own thank-you, opening the same code again shows the thanks, not "đã được dùng"', async () => {
    const services = fakePhone();
    const link = { kind: 'token', token: await token() } as const;
    const first = render(<PhoneApp link={link} services={services} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu đánh giá' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Có' }));
    click('Tiếp theo');
    for (let i = 0; i < 5; i++) {
      fireEvent.click(screen.getByRole('radio', { name: 'Tốt' }));
      click('Tiếp theo');
    }
    click('Tiếp theo');
    click('Gửi phiếu');
    await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
    first.unmount();

    render(<PhoneApp link={link} services={services} />); // the page reloaded
    await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
    expect(screen.getByText(/đã được gửi tới Xã Tứ Kỳ/)).toBeTruthy();
    expect(screen.queryByText(/đã được dùng/)).toBeNull();
  });

  it('a sheet still waiting for the network opens as waiting, not as a new sheet', async () => {
    const services = fakePhone();
    services.saved = {
      kind: 'queued',
      claim: 'c'.repeat(22),
      answers: {
        profileId: 'hai-duong-2024',
        profileVersion: 1,
        formId: 'citizen',
        formVersion: 1,
        answers: ['tot', 'tot', 'tot', 'tot', 'tot'],
        startedAt: now - 60_000,
        createdAt: now,
      },
    };
    render(<PhoneApp link={{ kind: 'token', token: await token() }} services={services} />);
    await screen.findByRole('heading', { name: 'Phiếu đã được lưu trên điện thoại' });
    expect(screen.queryByRole('button', { name: 'Bắt đầu đánh giá' })).toBeNull();
  });

  describe('on the profile the kiosk’s link names', () => {
    let forget: () => void;
    beforeAll(() => {
      forget = addKnownProfile(sixQuestions);
    });
    afterAll(() => forget());

    it('asks its six questions with its three levels and sends the sheet naming it', async () => {
      const services = fakePhone();
      let sent: PhoneAnswers | undefined;
      services.send = async (_token, answers, communeName) => {
        sent = answers;
        services.saved = { kind: 'accepted', communeName };
        return { kind: 'ok', value: { status: 'received' } };
      };
      const link = {
        kind: 'token',
        token: await token(),
        profile: { profileId: 'test-sau-cau', profileVersion: 1 },
      } as const;
      render(<PhoneApp link={link} services={services} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu đánh giá' }));
      fireEvent.click(screen.getByRole('radio', { name: 'Có' }));
      click('Tiếp theo');
      for (let i = 0; i < 6; i++) {
        expect(screen.queryByRole('radio', { name: 'Tốt' })).toBeNull();
        fireEvent.click(screen.getByRole('radio', { name: i === 5 ? 'Bình thường' : 'Hài lòng' }));
        click('Tiếp theo');
      }
      click('Tiếp theo');
      click('Gửi phiếu');
      await screen.findByText('Xin trân trọng cảm ơn Ông/Bà!');
      expect(sent).toMatchObject({
        profileId: 'test-sau-cau',
        profileVersion: 1,
        formVersion: 2,
        answers: ['hai-long', 'hai-long', 'hai-long', 'hai-long', 'hai-long', 'binh-thuong'],
      });
    });

    it('refuses a link naming a profile this build does not know', async () => {
      const link = {
        kind: 'token',
        token: await token(),
        profile: { profileId: 'khong-co', profileVersion: 1 },
      } as const;
      render(<PhoneApp link={link} services={fakePhone()} />);
      await screen.findByRole('heading', { name: 'Chưa thể đánh giá bằng mã này' });
    });
  });
});
