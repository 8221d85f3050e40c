import { render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InsecureContext } from '../../src/app/components/insecure-context/index.tsx';
import { missingSecureFeatures } from '../../src/app/platform/secure-context.ts';
import { boot } from '../../src/app/shell/boot.tsx';
import { problemCatalogue } from '../../src/core/problems.ts';
import { FakeServices } from './fake-services.ts';

const https = { isSecureContext: true, crypto: { subtle: {} }, navigator: { serviceWorker: {} } };

describe('missingSecureFeatures', () => {
  it('is empty on https:// and localhost', () => {
    expect(missingSecureFeatures(https)).toEqual([]);
  });

  it('names all three on a plain http:// address', () => {
    expect(missingSecureFeatures({ isSecureContext: false, crypto: {}, navigator: {} })).toEqual([
      'secure-context',
      'web-crypto',
      'service-worker',
    ]);
  });

  it('names a missing service worker in a secure context (a private window)', () => {
    expect(missingSecureFeatures({ ...https, navigator: {} })).toEqual(['service-worker']);
  });
});

describe('InsecureContext', () => {
  const address = 'http://192.168.1.10:8080/';

  it('tells the staff to open the https:// address, and the technician where to read', () => {
    render(<InsecureContext missing={['secure-context']} audience="staff" address={address} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Chưa dùng được ứng dụng trên địa chỉ này',
    );
    expect(screen.getByRole('alert').textContent).toBe(
      problemCatalogue['context.insecure'].message,
    );
    expect(screen.getByRole('alert').textContent).toContain('https://');
    expect(screen.getByText(/docs\/deploy\.md/)).toBeTruthy();
    expect(screen.getByText(address)).toBeTruthy();
    expect(screen.getByText('Mã lỗi: 400.30')).toBeTruthy();
  });

  it('tells a citizen on a phone to answer at the desk, without the technician line', () => {
    render(<InsecureContext missing={['secure-context']} audience="citizen" address={address} />);
    expect(screen.getByRole('alert').textContent).toBe(
      problemCatalogue['context.insecure-phone'].message,
    );
    expect(screen.queryByText(/docs\/deploy\.md/)).toBeNull();
  });

  it('on https:// without a service worker, asks for another browser', () => {
    render(
      <InsecureContext missing={['service-worker']} audience="staff" address="https://x.vn/" />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      problemCatalogue['context.browser-lacks'].message,
    );
  });

  it('its sentences are Vietnamese in NFC, with codes no other problem has', () => {
    const keys = [
      'context.insecure',
      'context.insecure-phone',
      'context.browser-lacks',
      'context.technician',
    ] as const;
    for (const key of keys) {
      const { message } = problemCatalogue[key];
      expect(message.normalize('NFC')).toBe(message);
      expect(message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    }
    const codes = Object.values(problemCatalogue).map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('the shell on a plain http:// address', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the explanation and starts nothing: no kiosk services, no settings read, no sync', async () => {
    vi.stubGlobal('isSecureContext', false);
    const root = document.createElement('div');
    document.body.append(root);
    const services = vi.fn(() => new FakeServices());
    await boot(root, { hash: '#/', href: 'http://kiosk.test:8080/#/' }, services);
    expect(within(root).getByRole('alert').textContent).toBe(
      problemCatalogue['context.insecure'].message,
    );
    expect(within(root).getByText('Địa chỉ đang mở:').textContent).toContain(
      'http://kiosk.test:8080/',
    );
    expect(services).not.toHaveBeenCalled();
    root.remove();
  });

  it('tells a citizen on a phone link to use the desk instead', async () => {
    vi.stubGlobal('isSecureContext', false);
    const root = document.createElement('div');
    const services = vi.fn(() => new FakeServices());
    await boot(root, { hash: '#/phone/abc', href: 'http://kiosk.test/#/phone/abc' }, services);
    expect(within(root).getByRole('alert').textContent).toBe(
      problemCatalogue['context.insecure-phone'].message,
    );
    expect(services).not.toHaveBeenCalled();
  });
});
