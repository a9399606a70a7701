/**
 * Queries that look like personal data are never stored by search insights: e-mail addresses, phone
 * numbers and long identity/account numbers. The test errs on the side of not storing (a search for
 * `0912 345 678` or `123456789` is counted, its text is not kept).
 * @module
 */

/** `someone@example.com`, `a.b+c@mail`: a word character on both sides of an `@`. */
const EMAIL = /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]/u;

/**
 * Digit runs, possibly grouped by (at most two) spaces, dots, dashes or parentheses, optionally led by `+`.
 * Whether a run is personal depends on its digits and how it starts (see {@link looksLikePhoneOrId}).
 */
const DIGIT_RUN = /\+?\(?\d(?:[\s.\-()]{0,2}\d)*/g;

/**
 * Whether a run of digits reads as a phone number or an identity/account number:
 * - 9–15 digits written without separators (`0912345678`, `84912345678`, CCCD/CMND numbers), or
 * - 9–15 digits grouped, starting like a Vietnamese or international phone number (`0…`, `+…`,
 *   `84…`, `(0…`): `0912 345 678`, `+84 912.345.678`, `(024) 3825 1234`.
 * Grouped runs starting otherwise (`2010 2011 2012`, `1.234.567.890` đồng) are not.
 */
export function looksLikePhoneOrId(run: string): boolean {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 15) return false;
  if (/^\d+$/.test(run)) return true;
  return /^(\+|\(?0|84)/.test(run);
}

/** Whether a raw query looks like it holds an e-mail address, a phone number or an ID number. */
export function looksPersonal(q: string): boolean {
  if (EMAIL.test(q)) return true;
  for (const m of q.matchAll(DIGIT_RUN)) if (looksLikePhoneOrId(m[0].trim())) return true;
  return false;
}
