import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../../src/app/admin/index.tsx';
import { App } from '../../../src/app/shell/index.tsx';
import { encodeOfflineEnrolment } from '../../../src/core/enrolment.ts';
import { problemCatalogue } from '../../../src/core/problems.ts';
import { haiDuong2024 as profile } from '../../../src/core/profile/index.ts';
import { FAKE_DEVICE_ID, FakeServices } from '../fake-services.ts';

// The camera is not there under test: the scanner is a button that "reads" the text a test
// puts in front of it, as the real one hands every decoded text to onText.
const camera = vi.hoisted(() => ({ text: '' }));
vi.mock('../../../src/app/components/qr-scanner/index.tsx', () => ({
  QrScanner: ({ onText, label }: { onText: (text: string) => void; label: string }) => (
    <button type="button" aria-label={label} onClick={() => onText(camera.text)} />
  ),
}));

const OFFICE = { communeCode: '10507', communeName: 'Xã Tứ Kỳ', label: 'Quầy một cửa' };
const KEY = 'A'.repeat(43);

const sentence = (key: keyof typeof problemCatalogue) =>
  `${problemCatalogue[key].message} (mã ${problemCatalogue[key].code})`;

async function openSending(services: FakeServices, enrolmentCode?: string) {
  services.pinValue = '2468';
  const onSettingsSaved = vi.fn();
  render(
    <AdminApp
      services={services}
      profile={profile}
      onExit={() => {}}
      onSettingsSaved={onSettingsSaved}
      enrolmentCode={enrolmentCode}
    />,
  );
  fireEvent.input(await screen.findByLabelText('Mã PIN'), { target: { value: '2468' } });
  fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
  if (!enrolmentCode) {
    fireEvent.click(await screen.findByRole('button', { name: 'Gửi dữ liệu' }));
  }
  await screen.findByRole('heading', { name: 'Đăng ký máy' });
  return { onSettingsSaved };
}

const codeBox = () => screen.getByLabelText(/^Mã đăng ký máy/) as HTMLInputElement;

afterEach(() => {
  window.location.hash = '';
});

describe('enrolling the kiosk with the office', () => {
  it('asks for no office secret, and takes the address of the page it is on', async () => {
    await openSending(new FakeServices());
    expect(screen.queryByLabelText('Mã quản trị của cơ quan thu phiếu')).toBeNull();
    expect(document.querySelector('input[type="password"]')).toBeNull();
    expect((screen.getByLabelText('Địa chỉ máy chủ thu phiếu') as HTMLInputElement).value).toBe(
      window.location.origin,
    );
  });

  it('enrols with a typed code however it is spelled, and shows what the office named', async () => {
    const services = new FakeServices();
    services.enrolmentCodes.set('ABCD-EFGH', OFFICE);
    const { onSettingsSaved } = await openSending(services);
    fireEvent.input(screen.getByLabelText('Địa chỉ máy chủ thu phiếu'), {
      target: { value: 'https://thuphieu.example.vn/' },
    });
    fireEvent.input(codeBox(), { target: { value: ' abcd efgh ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký máy' }));
    expect((await screen.findByText(/^Đã đăng ký máy cho/)).textContent).toBe(
      'Đã đăng ký máy cho Xã Tứ Kỳ (mã 10507), tên máy “Quầy một cửa”.',
    );
    expect(await screen.findByText(/Máy đã đăng ký với/)).toBeTruthy();
    expect(services.registeredWith).toBe('https://thuphieu.example.vn');
    expect(screen.queryByRole('heading', { name: 'Đăng ký máy' })).toBeNull();
    await waitFor(() => expect(onSettingsSaved).toHaveBeenCalled());
  });

  it('says the catalogue sentence for a code that is unknown, used or expired, and for no code', async () => {
    const services = new FakeServices();
    await openSending(services);
    fireEvent.input(codeBox(), { target: { value: 'ZZZZ-ZZZZ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký máy' }));
    expect((await screen.findByRole('alert')).textContent).toBe(sentence('enrolment.invalid'));
    fireEvent.input(codeBox(), { target: { value: 'xin chào' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký máy' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(sentence('enrolment.unreadable')),
    );
    expect(services.registeredWith).toBeUndefined();
  });

  it('refuses an address that is not one', async () => {
    const services = new FakeServices();
    services.enrolmentCodes.set('ABCD-EFGH', OFFICE);
    await openSending(services);
    fireEvent.input(screen.getByLabelText('Địa chỉ máy chủ thu phiếu'), {
      target: { value: 'thuphieu' },
    });
    fireEvent.input(codeBox(), { target: { value: 'ABCD-EFGH' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký máy' }));
    expect((await screen.findByRole('alert')).textContent).toBe(sentence('enrolment.bad-address'));
    expect(services.enrolTexts).toEqual([]);
  });

  it('enrols with the office QR read by the camera', async () => {
    const services = new FakeServices();
    services.enrolmentCodes.set('ABCD-EFGH', OFFICE);
    await openSending(services);
    fireEvent.click(screen.getByRole('button', { name: 'Quét mã QR đăng ký' }));
    camera.text = 'https://thuphieu.example.vn/#/dang-ky/ABCD-EFGH';
    fireEvent.click(screen.getByRole('button', { name: 'Camera quét mã QR đăng ký' }));
    expect((await screen.findByText(/^Đã đăng ký máy cho/)).textContent).toContain(
      'Xã Tứ Kỳ (mã 10507)',
    );
    expect(services.enrolTexts).toEqual(['https://thuphieu.example.vn/#/dang-ky/ABCD-EFGH']);
  });

  it('offline: shows the device id large and as a QR, then takes the office QR made for it', async () => {
    const services = new FakeServices();
    await openSending(services);
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký khi không có mạng' }));
    expect((await screen.findByText(FAKE_DEVICE_ID)).className).toBe('enrol-device-id');
    expect(await screen.findByRole('img', { name: 'Mã QR của mã máy này' })).toBeTruthy();

    // A QR made for another tablet is refused with its sentence.
    camera.text = encodeOfflineEnrolment({ ...OFFICE, deviceId: 'fedcba9876543210', key: KEY });
    fireEvent.click(screen.getByRole('button', { name: 'Camera quét mã QR đăng ký' }));
    expect((await screen.findByRole('alert')).textContent).toBe(sentence('enrolment.other-device'));
    expect(services.registeredWith).toBeUndefined();

    camera.text = encodeOfflineEnrolment({ ...OFFICE, deviceId: FAKE_DEVICE_ID, key: KEY });
    fireEvent.click(screen.getByRole('button', { name: 'Camera quét mã QR đăng ký' }));
    const done = await screen.findByText(/^Đã đăng ký máy cho/);
    expect(done.textContent).toContain('Đã đăng ký máy cho Xã Tứ Kỳ (mã 10507)');
    expect(done.textContent).toContain('Xuất mã QR');
    expect(services.registeredWith).toBe(window.location.origin);
  });
});

describe('an enrolment link opened on the tablet', () => {
  it('asks for the PIN, then whether to enrol, and redeems only on yes', async () => {
    const services = new FakeServices();
    services.pinValue = '2468';
    services.enrolmentCodes.set('ABCD-EFGH', OFFICE);
    window.location.hash = '#/dang-ky/ABCD-EFGH';
    render(<App services={services} />);
    // Nothing is redeemed before the PIN.
    const pin = await screen.findByLabelText('Mã PIN');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(services.enrolTexts).toEqual([]);
    fireEvent.input(pin, { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Xác nhận đăng ký máy' });
    expect(within(dialog).getByText(/^Đăng ký máy này cho/).textContent).toBe(
      `Đăng ký máy này cho cơ quan thu phiếu tại ${window.location.host}?`,
    );
    expect(within(dialog).getByText('ABCD-EFGH')).toBeTruthy();
    expect(services.enrolTexts).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đăng ký' }));
    expect((await screen.findByText(/^Đã đăng ký máy cho/)).textContent).toContain('Xã Tứ Kỳ');
    expect(services.enrolTexts).toEqual(['ABCD-EFGH']);
  });

  it('redeems nothing when the question is answered no', async () => {
    const services = new FakeServices();
    services.enrolmentCodes.set('ABCD-EFGH', OFFICE);
    await openSending(services, 'ABCD-EFGH');
    const dialog = await screen.findByRole('alertdialog', { name: 'Xác nhận đăng ký máy' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(services.enrolTexts).toEqual([]);
    // The code stays in the box, to be sent by hand.
    expect(codeBox().value).toBe('ABCD-EFGH');
  });
});
