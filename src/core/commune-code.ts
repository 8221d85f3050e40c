/**
 * A commune's code as the office's registry and the sheets carry it: 1 to 8 digits, leading
 * zeros kept (it is text, never a number). One rule for every schema, route and input box.
 */
export const COMMUNE_CODE = /^\d{1,8}$/;
/** The same rule for an input box's `pattern` attribute (anchored by the browser). */
export const COMMUNE_CODE_PATTERN = '\\d{1,8}';
