import { useEffect, useState } from 'preact/hooks';
import type { Profile } from '../../core/profile/schema.ts';
import { adminLockOf, type KioskSettings } from '../../core/settings.ts';
import { IDLE_WORDS } from '../../core/vocabulary.ts';
import type { KioskServices, SettingsLoad } from '../services.ts';
import '../theme.css';
import { CollectorPanel } from './collector-panel/index.tsx';
import { Dashboard } from './dashboard/index.tsx';
import { IdleLock } from './idle-lock/index.tsx';
import { PersonalData } from './personal-data/index.tsx';
import { PinGate } from './pin-gate/index.tsx';
import { QrExportPanel } from './qr-export-panel/index.tsx';
import { SelfScorePanel } from './self-score/index.tsx';
import { SettingsForm } from './settings-form/index.tsx';
import './style.css';

interface Props {
  services: KioskServices;
  profile: Profile;
  onExit: () => void;
  onSettingsSaved: (settings: KioskSettings) => void;
  /** A new app version waits; it is applied when the kiosk is back on its start screen. */
  updateWaiting?: boolean;
  /** The code of an opened enrolment link: after the PIN, the enrolment asks to use it. */
  enrolmentCode?: string;
}

type Tab = 'overview' | 'settings' | 'collector' | 'qr' | 'self-score' | 'personal';
const TABS: { id: Tab; label: string }[] = [
  { id: 'overview', label: 'Tổng quan' },
  { id: 'settings', label: 'Cài đặt' },
  { id: 'collector', label: 'Gửi dữ liệu' },
  { id: 'qr', label: 'Xuất mã QR' },
  { id: 'self-score', label: 'Tự chấm điểm' },
  { id: 'personal', label: 'Dữ liệu cá nhân' },
];

/** A PIN screen nobody types into (opened by mistake at the desk) gives way to the survey. */
const PIN_PROMPT_IDLE_SECONDS = 45;

/**
 * Staff area: PIN first, then overview, settings, sending, QR export, the commune's self-score
 * and personal data. The PIN is asked on every entry; left alone, both the PIN screen and the
 * open area go back to the survey (IdleLock), so the next entry asks for it again.
 */
export function AdminApp({
  services,
  profile,
  onExit,
  onSettingsSaved,
  updateWaiting,
  enrolmentCode,
}: Props) {
  const [unlocked, setUnlocked] = useState(false);
  const [tab, setTab] = useState<Tab>(enrolmentCode === undefined ? 'overview' : 'collector');
  const [loaded, setLoaded] = useState<SettingsLoad | undefined>(undefined);
  useEffect(() => {
    if (unlocked) services.loadSettings().then(setLoaded);
  }, [services, unlocked]);

  if (!unlocked)
    return (
      <IdleLock idleSeconds={PIN_PROMPT_IDLE_SECONDS} words={IDLE_WORDS.pin} onLock={onExit}>
        <PinGate pin={services.pin} onUnlocked={() => setUnlocked(true)} onExit={onExit} />
      </IdleLock>
    );
  if (!loaded) return <p>Đang tải…</p>;

  const save = async (settings: KioskSettings) => {
    await services.saveSettings(settings);
    setLoaded({ settings });
    onSettingsSaved(settings);
  };
  return (
    <IdleLock
      idleSeconds={adminLockOf(loaded.settings).idleSeconds}
      words={IDLE_WORDS.admin}
      onLock={onExit}
    >
      <main class="admin">
        <nav class="admin-bar" aria-label="Quản trị">
          {TABS.map((t) => (
            <button
              type="button"
              key={t.id}
              class="btn admin-tab"
              aria-current={tab === t.id ? 'page' : undefined}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
          <button type="button" class="btn admin-exit" onClick={onExit}>
            Về màn hình khảo sát
          </button>
        </nav>
        {loaded.problem && (
          <p role="alert" class="admin-problem">
            {loaded.problem}
          </p>
        )}
        {updateWaiting && (
          <p class="admin-notice">
            Có phiên bản mới. Máy sẽ tự cập nhật khi trở về màn hình bắt đầu.
          </p>
        )}
        {tab === 'overview' && (
          <Dashboard services={services} profile={profile} settings={loaded.settings} />
        )}
        {tab === 'settings' && <SettingsForm settings={loaded.settings} onSave={save} />}
        {tab === 'collector' && (
          <CollectorPanel
            services={services}
            linkedCode={enrolmentCode}
            onEnrolled={async () => {
              // The office named the commune and the kiosk: the settings now say so.
              const reloaded = await services.loadSettings();
              setLoaded(reloaded);
              onSettingsSaved(reloaded.settings);
            }}
          />
        )}
        {tab === 'qr' && <QrExportPanel services={services} period={loaded.settings.period} />}
        {tab === 'self-score' && (
          <SelfScorePanel services={services} collectorName={loaded.settings.collectorName} />
        )}
        {tab === 'personal' && <PersonalData services={services} period={loaded.settings.period} />}
      </main>
    </IdleLock>
  );
}
