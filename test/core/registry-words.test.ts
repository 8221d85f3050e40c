import { describe, expect, it } from 'vitest';
import type { KioskRow } from '../../src/core/api.ts';
import { REGISTRY_WORDS as W } from '../../src/core/registry-words.ts';
import { kioskRow as kiosk } from '../fixtures/kiosk-rows.ts';

/** 24/11/2026 at hour:minute, Vietnam time (UTC+7). */
const at = (hour: number, minute = 0) => Date.UTC(2026, 10, 24, hour - 7, minute);

describe('the registry’s sentences', () => {
  it('names a gap by its numbers and the times around it, in Vietnam time', () => {
    expect(kiosk.missing.map(W.gapRange)).toEqual(['11–12']);
    expect(W.gapRange({ from: 19, to: 19, after: null, before: null })).toBe('19');
    expect(kiosk.missing.map(W.gapContext)).toEqual([
      'sau phiếu gửi lúc 09:30 24/11/2026, trước phiếu gửi lúc 10:00 24/11/2026',
    ]);
    expect(W.gapContext({ from: 1, to: 4, after: null, before: null })).toBe(
      'từ đầu, chưa nhận phiếu nào sau đó',
    );
  });

  it('says a clock off by less than two whole minutes is on time, and which way a wrong one goes', () => {
    expect(W.clockSkew(kiosk)).toBe('chậm 5 phút');
    expect(W.clockSkew({ ...kiosk, clockSkewMs: 80_000 })).toBe('đúng giờ');
    expect(W.clockSkew({ ...kiosk, clockSkewMs: 90_000 })).toBe('nhanh 2 phút');
    expect(W.clockSkew({ ...kiosk, clockSkewMs: 3_600_000 })).toBe('nhanh 60 phút');
    expect(W.clockSkew({ ...kiosk, clockSkewMs: null })).toBe('chưa đo (máy chưa gửi qua mạng)');
  });

  it('tells a verified chain from one waiting for missing sheets and from a broken one', () => {
    expect(W.chainState(kiosk)).toBe('Khớp đến phiếu 10; 1 mã chuỗi chờ các phiếu còn thiếu.');
    expect(
      W.chainState({ ...kiosk, chain: { verifiedThrough: 0, pendingClaims: 0, breaks: [] } }),
    ).toBe('Chưa kiểm tra được (chưa có phiếu số 1).');
    const broken = {
      verifiedThrough: 10,
      pendingClaims: 0,
      breaks: [
        { seq: 7, detectedAt: 0 },
        { seq: 1200, detectedAt: 0 },
      ],
    };
    expect(W.chainState({ ...kiosk, chain: broken })).toBe(
      'Không khớp tại phiếu 7, 1.200: lịch sử máy gửi khác với các phiếu cơ quan đã nhận.',
    );
  });

  it('gives the kiosk’s latest thresholds and how often they changed', () => {
    expect(W.thresholds(kiosk)).toBe(
      '20 giây giữa hai phiếu; quá 10 phiếu trong 10 phút; 5 phiếu giống hệt liên tiếp',
    );
    const raised = {
      seenAt: 1,
      firstSeq: 40,
      thresholds: {
        minIntervalSeconds: 5,
        burstWindowSeconds: 60,
        burstCount: 50,
        identicalRunLength: 20,
      },
    };
    expect(W.thresholds({ ...kiosk, thresholds: [...kiosk.thresholds, raised] })).toBe(
      '5 giây giữa hai phiếu; quá 50 phiếu trong 1 phút; 20 phiếu giống hệt liên tiếp (đã đổi 1 lần, lần gần nhất từ phiếu số 40)',
    );
    expect(W.thresholds({ ...kiosk, thresholds: [] })).toBe('chưa biết');
  });

  it('gives the state, the first and last sheet and the flags of a kiosk and of a desk', () => {
    expect(W.state(kiosk)).toBe('Đang dùng');
    expect(
      W.state({ ...kiosk, state: 'revoked', revokedAt: at(11), revocationReason: 'Mất máy' }),
    ).toBe('Đã thu hồi lúc 11:00 24/11/2026: Mất máy');
    expect(W.firstLast(kiosk)).toBe('số 1 lúc 08:00 24/11/2026 – số 13 lúc 10:00 24/11/2026');
    expect(W.firstLast({ ...kiosk, firstSheet: null, lastSheet: null })).toBe('—');
    expect(W.flagged(kiosk)).toBe('0 theo cơ quan, 2 theo máy');
    expect(W.flagged({ ...kiosk, kind: 'desk' })).toBe('0 theo cơ quan');
    expect(W.lastContact({ ...kiosk, lastContactAt: null })).toBe('chưa liên lạc');
  });

  it('names where a set-aside row came from, and an unknown channel by its code', () => {
    expect(W.setAside.channel('phone')).toBe('Điện thoại');
    expect(W.setAside.channel('kiosk')).toBe('Máy khảo sát');
    expect(W.setAside.channel('fax')).toBe('fax');
  });

  it('keeps every sentence in NFC', () => {
    const all = JSON.stringify(W);
    expect(all).toBe(all.normalize('NFC'));
  });
});
