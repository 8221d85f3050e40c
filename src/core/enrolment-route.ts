/**
 * Where an enrolment link points on the tablet (`<collector>/#/dang-ky/ABCD-EFGH`), apart from
 * ./enrolment.ts so the kiosk's first download can route the link without the codec.
 */
export const ENROLMENT_ROUTE = '#/dang-ky/';
