import {
  type KioskCredentials,
  type KioskRegistration,
  kioskCredentialsSchema,
  kioskRegistrationSchema,
} from '../core/api.ts';

const UNREACHABLE =
  'Không kết nối được tới cơ quan thu phiếu. Vui lòng kiểm tra địa chỉ và mạng rồi thử lại.';
const NEEDS_COMMUNE =
  'Vui lòng nhập tên và mã xã, phường trong Cài đặt trước khi đăng ký máy với cơ quan thu phiếu.';

/** Registers the kiosk with the collector (POST /api/v1/kiosks); errors are Vietnamese sentences. */
export async function registerKiosk(
  collectorUrl: string,
  adminToken: string,
  registration: KioskRegistration,
): Promise<KioskCredentials> {
  if (!kioskRegistrationSchema.safeParse(registration).success) throw new Error(NEEDS_COMMUNE);
  let response: Response;
  try {
    response = await fetch(new URL('/api/v1/kiosks', collectorUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken.trim()}`, 'content-type': 'application/json' },
      body: JSON.stringify(registration),
    });
  } catch {
    throw new Error(UNREACHABLE);
  }
  const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
  if (!response.ok)
    throw new Error(`${body.message ?? UNREACHABLE} (mã ${body.code ?? response.status})`);
  const credentials = kioskCredentialsSchema.safeParse(body);
  if (!credentials.success) throw new Error(UNREACHABLE);
  return credentials.data;
}
