import type { FunctionComponent } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { profileOfSettings } from '../../core/profile/registry.ts';
import type { KioskSettings } from '../../core/settings.ts';
import { requestPersistentStorage } from '../../storage/persistence.ts';
import type { AdminApp } from '../admin/index.tsx';
import { KioskApp } from '../kiosk/index.tsx';
import type { KioskServices, SettingsLoad } from '../services.ts';
import { watchForAppUpdates } from './app-update.ts';
import { type NewerBuild, onNewerBuild } from './newer-build.ts';
import { linkedEnrolmentCode, useRoute } from './use-route.ts';

type AdminComponent = FunctionComponent<Parameters<typeof AdminApp>[0]>;

/** How long the start button waits for a waiting version to take over before it comes back. */
const STALLED_UPDATE_MS = 15_000;

/**
 * The kiosk (boot.tsx starts it on a secure page): loads settings, routes between the survey
 * and its admin area, applies updates only at the start screen.
 */
export function App({ services }: { services: KioskServices }) {
  const [loaded, setLoaded] = useState<SettingsLoad | undefined>(undefined);
  const [route, go] = useRoute();
  const [Admin, setAdmin] = useState<AdminComponent | undefined>(undefined);
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | undefined>(undefined);
  const [onStartScreen, setOnStartScreen] = useState(true);
  // The code of an opened enrolment link, kept for the admin area until it goes back to the survey.
  const [linkedCode, setLinkedCode] = useState<string | undefined>(undefined);
  useEffect(() => {
    const code = linkedEnrolmentCode(window.location.hash);
    if (code !== undefined) setLinkedCode(code);
    else if (route !== 'admin') setLinkedCode(undefined);
  }, [route]);
  const [newer, setNewer] = useState<NewerBuild | undefined>(undefined);
  const [stalled, setStalled] = useState(false);

  useEffect(() => {
    services.loadSettings().then(setLoaded);
    void requestPersistentStorage();
    services.collector.startBackgroundSync();
    void watchForAppUpdates((apply) => setApplyUpdate(() => apply));
  }, [services]);
  useEffect(() => {
    const stop = onNewerBuild(setNewer);
    return () => void stop();
  }, []);

  // The admin area loads on demand, so it stays out of the kiosk's first download; the office's
  // screens are a page of their own (boot.tsx), started afresh without the kiosk.
  useEffect(() => {
    if (route === 'admin' && !Admin)
      import('../admin/index.tsx').then((m) => setAdmin(() => m.AdminApp));
    if (route === 'collector') window.location.reload();
  }, [route, Admin]);

  // A newer build, on the start screen only: reload if a reload runs it (another tab applied
  // it, or it migrated the database), else apply the waiting version (which then reloads).
  useEffect(() => {
    if (!newer || !onStartScreen || route !== 'kiosk') return;
    if (newer.reloadDue) {
      window.location.reload();
      return;
    }
    if (!applyUpdate) return;
    applyUpdate();
    // Should the new version never take over, the kiosk stays usable; the next return to the
    // start screen tries again.
    const giveUp = setTimeout(() => setStalled(true), STALLED_UPDATE_MS);
    return () => clearTimeout(giveUp);
  }, [newer, applyUpdate, onStartScreen, route]);
  useEffect(() => {
    if (!onStartScreen) setStalled(false);
  }, [onStartScreen]);

  const onSettingsSaved = useCallback((settings: KioskSettings) => setLoaded({ settings }), []);
  if (!loaded) return null;
  const profile = profileOfSettings(loaded.settings);

  if (route === 'collector') return null;
  if (route === 'admin') {
    return Admin ? (
      <Admin
        services={services}
        profile={profile}
        onExit={() => go('kiosk')}
        enrolmentCode={linkedCode ?? linkedEnrolmentCode(window.location.hash)}
        onSettingsSaved={onSettingsSaved}
        updateWaiting={newer !== undefined}
      />
    ) : (
      <p>Đang tải…</p>
    );
  }
  return (
    <KioskApp
      services={services}
      settings={loaded.settings}
      profile={profile}
      onAdminRequest={() => go('admin')}
      onStartScreenChange={setOnStartScreen}
      updating={newer !== undefined && !stalled}
    />
  );
}
