import { useState } from 'preact/hooks';
import type { Permission } from '../../../core/accounts.ts';
import { vnDay } from '../../../core/period.ts';
import type { Period } from '../../../core/settings.ts';
import type { OfficeServices, OfficeView } from '../../office-services.ts';
import { CommuneComments } from '../commune-comments/index.tsx';
import { CommuneDetail } from '../commune-detail/index.tsx';
import { CommuneTable } from '../commune-table/index.tsx';
import { CommuneTrend } from '../commune-trend/index.tsx';
import { DeskQr } from '../desk-qr/index.tsx';
import { FileImport } from '../file-import/index.tsx';
import { FlaggedSheets } from '../flagged-sheets/index.tsx';
import { FrameReader } from '../frame-reader/index.tsx';
import { PeriodComparison } from '../period-comparison/index.tsx';
import { SheetDownloads } from '../sheet-downloads/index.tsx';
import { useNarrowScreen } from '../use-narrow-screen.ts';

/**
 * The figures of every commune over the chosen period, a commune in full (its trend month by
 * month, its flagged sheets to decide on, what respondents wrote), a comparison with a second
 * period, and the ways sheets arrive at the office: QR frames (first on a phone, on site),
 * files, printed desk QRs.
 */
export function FiguresSection({
  office,
  view,
  period,
  onReload,
  may = () => true,
}: {
  office: OfficeServices;
  view: OfficeView;
  period: Period | null;
  onReload: () => void;
  /** What the signed-in account may do: the parts it may not are not shown. */
  may?: (permission: Permission) => boolean;
}) {
  const [opened, setOpened] = useState<string | undefined>(undefined);
  const narrow = useNarrowScreen();
  const online = view.source === 'server';
  const today = vnDay(Date.now());
  const commune = view.communes.find((c) => c.communeCode === opened);
  const reader = <FrameReader office={office} onChanged={onReload} />;
  const year = today.slice(0, 4);
  return (
    <>
      {narrow && reader}
      {commune ? (
        <>
          <CommuneDetail commune={commune} period={period} onClose={() => setOpened(undefined)} />
          {online && (
            <>
              <SheetDownloads
                office={office}
                communeCode={commune.communeCode}
                period={period}
                mayReadPersonal={may('read-personal')}
              />
              <CommuneTrend
                office={office}
                communeCode={commune.communeCode}
                period={period ?? { from: `${year}-01-01`, to: `${year}-12-31` }}
              />
              {may('decide') && (
                <FlaggedSheets
                  office={office}
                  communeCode={commune.communeCode}
                  onReviewed={onReload}
                />
              )}
              {may('read-personal') && (
                <CommuneComments office={office} commune={commune} period={period} />
              )}
            </>
          )}
        </>
      ) : (
        <>
          <CommuneTable communes={view.communes} onOpen={setOpened} />
          {online && (
            <PeriodComparison
              office={office}
              communes={view.communes}
              period={period}
              today={today}
            />
          )}
        </>
      )}
      {!narrow && reader}
      <FileImport office={office} onChanged={onReload} />
      {online && may('enrol') && <DeskQr office={office} />}
    </>
  );
}
