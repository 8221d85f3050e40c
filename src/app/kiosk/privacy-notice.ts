/** Bump when the notice text changes: each consent record names the version it agreed to. */
export const PRIVACY_NOTICE_VERSION = 1;

/** The plain notice shown beside the consent box (purpose, controller, retention, rights). */
export function privacyNotice(communeName: string, collectorName: string): string[] {
  const commune = communeName ? `UBND ${communeName}` : 'UBND xã, phường';
  const collector = collectorName || 'cơ quan thu phiếu';
  return [
    'Ông/Bà không bắt buộc ghi họ tên, địa chỉ; phiếu vẫn được tính đầy đủ.',
    `Nếu Ông/Bà đồng ý, họ tên và địa chỉ chỉ dùng để liên hệ lại về ý kiến của Ông/Bà. Nơi quản lý thông tin: ${commune} và ${collector}.`,
    'Thông tin được lưu đến hết kỳ khảo sát rồi xóa. Ông/Bà có thể đề nghị xóa bất cứ lúc nào.',
  ];
}
