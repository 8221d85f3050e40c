import type { FunctionComponent } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { profileOfSettings } from '../../core/profile/registry.ts';
import type { KioskSettings } from '../../core/settings.ts';
import { requestPersistentStorage } from '../../storage/persistence.ts';
import type { AdminApp } from '../admin/index.tsx';
import type { OfficeScreen } from '../collector/index.tsx';
import { InsecureContext } from '../components/insecure-context/index.tsx';
import { KioskApp } from '../kiosk/index.tsx';
import { missingSecureFeatures } from '../platform/secure-context.ts';
import type { KioskServices, SettingsLoad } from '../services.ts';
import { watchForAppUpdates } from './app-update.ts';
import { useRoute } from './use-route.ts';

type AdminComponent = FunctionComponent<Parameters<typeof AdminApp>[0]>;
type CollectorComponent = FunctionComponent<Parameters<typeof OfficeScreen>[0]>;

/**
 * The root. On a page the browser gives no service worker or Web Crypto (http:// other than
 * localhost), says so and what to do instead of starting a kiosk that cannot work offline,
 * keep a PIN or sign a batch; the phone route does the same in main.tsx.
 */
export function App({ services }: { services: KioskServices }) {
  const missing = missingSecureFeatures();
  if (missing.length > 0)
    return (
      <InsecureContext
        missing={missing}
        audience="staff"
        address={window.location.href.split('#')[0] ?? ''}
      />
    );
  return <RoutedApp services={services} />;
}

/** Loads settings, routes between kiosk and admin, applies updates only at the start screen. */
function RoutedApp({ services }: { services: KioskServices }) {
  const [loaded, setLoaded] = useState<SettingsLoad | undefined>(undefined);
  const [route, go] = useRoute();
  const [Admin, setAdmin] = useState<AdminComponent | undefined>(undefined);
  const [Collector, setCollector] = useState<CollectorComponent | undefined>(undefined);
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | undefined>(undefined);
  const [onStartScreen, setOnStartScreen] = useState(true);

  useEffect(() => {
    services.loadSettings().then(setLoaded);
    void requestPersistentStorage();
    services.collector.startBackgroundSync();
    watchForAppUpdates((apply) => setApplyUpdate(() => apply));
  }, [services]);

  // The admin and office screens load on demand, so they stay out of the kiosk's first download.
  useEffect(() => {
    if (route === 'admin' && !Admin)
      import('../admin/index.tsx').then((m) => setAdmin(() => m.AdminApp));
    if (route === 'collector' && !Collector) {
      import('../collector/index.tsx').then((m) => setCollector(() => m.OfficeScreen));
    }
  }, [route, Admin, Collector]);

  useEffect(() => {
    if (applyUpdate && onStartScreen && route === 'kiosk') applyUpdate();
  }, [applyUpdate, onStartScreen, route]);

  const onSettingsSaved = useCallback((settings: KioskSettings) => setLoaded({ settings }), []);
  if (!loaded) return null;
  const profile = profileOfSettings(loaded.settings);

  if (route === 'collector')
    return Collector ? <Collector onExit={() => go('kiosk')} /> : <p>Đang tải…</p>;
  if (route === 'admin') {
    return Admin ? (
      <Admin
        services={services}
        profile={profile}
        onExit={() => go('kiosk')}
        onSettingsSaved={onSettingsSaved}
        updateWaiting={applyUpdate !== undefined}
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
    />
  );
}
