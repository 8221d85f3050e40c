import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../../src/app/admin/index.tsx';
import { haiDuong2024 as profile } from '../../../src/core/profile/index.ts';
import { IDLE_WORDS } from '../../../src/core/vocabulary.ts';
import { FakeServices } from '../fake-services.ts';

/**
 * Lets fake time pass in half-second steps, each in its own act(): Preact runs effects at the
 * end of an act, and the countdown is a chain of effect → timer → state.
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

/** Lets the fake services' promises settle (PIN check, settings load). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await elapse(0);
};

function renderAdmin(services: FakeServices) {
  const onExit = vi.fn();
  render(
    <AdminApp services={services} profile={profile} onExit={onExit} onSettingsSaved={vi.fn()} />,
  );
  return onExit;
}

async function openAdmin(services = new FakeServices()) {
  services.pinValue = '2468';
  const onExit = renderAdmin(services);
  await settle();
  fireEvent.input(screen.getByLabelText('Mã PIN'), { target: { value: '2468' } });
  fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
  await settle();
  expect(screen.getByRole('button', { name: 'Tổng quan' })).toBeTruthy();
  return { services, onExit };
}

const lockDialog = () => screen.queryByRole('alertdialog', { name: IDLE_WORDS.admin.title });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('admin idle lock', () => {
  it('returns to the survey after two idle minutes, counting down the last 15 seconds', async () => {
    const { onExit } = await openAdmin();
    await elapse(104_000);
    expect(lockDialog()).toBeNull();
    await elapse(1_500);
    const dialog = lockDialog();
    expect(dialog?.textContent).toContain(IDLE_WORDS.admin.lead);
    expect(within(dialog as HTMLElement).getByText('15')).toBeTruthy();
    await elapse(5_000);
    expect(within(lockDialog() as HTMLElement).getByText('10')).toBeTruthy();
    expect(onExit).not.toHaveBeenCalled();
    await elapse(10_000);
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('starts the idle time again on any tap or key press', async () => {
    const { onExit } = await openAdmin();
    await elapse(100_000);
    fireEvent.pointerDown(screen.getByRole('heading', { level: 1 }));
    await elapse(100_000);
    fireEvent.keyDown(document.body, { key: 'Tab' });
    await elapse(100_000);
    expect(lockDialog()).toBeNull();
    await elapse(5_500);
    expect(lockDialog()).not.toBeNull();
    expect(onExit).not.toHaveBeenCalled();
  });

  it('"Tiếp tục làm việc" keeps the admin area open, with the idle time started again', async () => {
    const { onExit } = await openAdmin();
    fireEvent.click(screen.getByRole('button', { name: 'Cài đặt' }));
    await elapse(110_000);
    const dialog = lockDialog() as HTMLElement;
    expect(document.activeElement?.textContent).toBe('Tiếp tục làm việc');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tiếp tục làm việc' }));
    expect(lockDialog()).toBeNull();
    expect(screen.getByRole('heading', { name: 'Cài đặt' })).toBeTruthy();
    await elapse(104_000);
    expect(lockDialog()).toBeNull();
    expect(onExit).not.toHaveBeenCalled();
    await elapse(1_500);
    expect(lockDialog()).not.toBeNull();
  });

  it('"Khóa ngay" returns to the survey at once', async () => {
    const { onExit } = await openAdmin();
    await elapse(106_000);
    fireEvent.click(
      within(lockDialog() as HTMLElement).getByRole('button', { name: IDLE_WORDS.admin.leave }),
    );
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('takes its idle time from the settings: a shorter one saved in Cài đặt locks sooner', async () => {
    const { services, onExit } = await openAdmin();
    fireEvent.click(screen.getByRole('button', { name: 'Cài đặt' }));
    const field = screen.getByLabelText(/^Tự khóa phần quản trị/) as HTMLInputElement;
    expect(field.value).toBe('120');
    fireEvent.input(field, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    await settle();
    expect(screen.getByText('Giá trị phải từ 30 trở lên.')).toBeTruthy();
    fireEvent.input(field, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    await settle();
    expect(services.settings.adminLock).toEqual({ idleSeconds: 30 });
    await elapse(14_000);
    expect(lockDialog()).toBeNull();
    await elapse(1_500);
    expect(within(lockDialog() as HTMLElement).getByText('15')).toBeTruthy();
    await elapse(15_000);
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('keeps settings saved before the lock existed on the default two minutes', async () => {
    const services = new FakeServices();
    const { adminLock: _, ...older } = services.settings;
    services.settings = older;
    const { onExit } = await openAdmin(services);
    await elapse(104_000);
    expect(lockDialog()).toBeNull();
    await elapse(16_500);
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('waits while a QR export is on screen for the office to read, then locks all the same', async () => {
    const services = new FakeServices();
    services.registeredWith = 'https://thuphieu.example.vn';
    const { onExit } = await openAdmin(services);
    fireEvent.click(screen.getByRole('button', { name: 'Xuất mã QR' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mã QR' }));
    await settle();
    expect(screen.getByText(/^Khung \d\/3$/)).toBeTruthy();
    await elapse(300_000);
    expect(lockDialog()).toBeNull();
    await elapse(285_500);
    expect(lockDialog()).not.toBeNull();
    await elapse(15_000);
    expect(onExit).toHaveBeenCalledOnce();
  });
});

describe('PIN screen idle', () => {
  it('gives an untouched PIN screen back to the survey after 45 seconds, counting down', async () => {
    const services = new FakeServices();
    services.pinValue = '2468';
    const onExit = renderAdmin(services);
    await settle();
    await elapse(29_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await elapse(1_500);
    const dialog = screen.getByRole('alertdialog', { name: IDLE_WORDS.pin.title });
    expect(dialog.textContent).toContain('15');
    expect(within(dialog).getByRole('button', { name: IDLE_WORDS.pin.stay })).toBeTruthy();
    await elapse(15_000);
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('waits as long as someone is typing the PIN', async () => {
    const services = new FakeServices();
    services.pinValue = '2468';
    const onExit = renderAdmin(services);
    await settle();
    await elapse(25_000);
    fireEvent.input(screen.getByLabelText('Mã PIN'), { target: { value: '24' } });
    await elapse(25_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
    await settle();
    expect(onExit).not.toHaveBeenCalled();
  });
});
