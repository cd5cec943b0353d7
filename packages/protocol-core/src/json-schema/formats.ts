/**
 * The formats the validator asserts: `email`, `uri`, `date`, `date-time` and `uuid`. Each check is
 * linear in the input (no backtracking-prone patterns), since instances are untrusted.
 * Internal to the validator.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[zZ]|([+-])(\d{2}):(\d{2}))$/;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URI_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** RFC 3986 unreserved and reserved characters; anything else must be percent-encoded. */
const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;
const HEX = /^[0-9a-fA-F]{2}$/;
const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** RFC 3339 full-date, with real month lengths (2023-02-29 is not a date). */
function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const max = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= max;
}

/** RFC 3339 full-time: a time zone is required; second 60 is allowed for leap seconds. */
function isTime(text: string): boolean {
  const match = TIME.exec(text);
  if (match === null) return false;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (match[4] === undefined) return true;
  return Number(match[5]) <= 23 && Number(match[6]) <= 59;
}

function isDateTime(text: string): boolean {
  const separator = text.search(/[tT]/);
  return separator > 0 && isDate(text.slice(0, separator)) && isTime(text.slice(separator + 1));
}

/** An absolute URI (RFC 3986): a scheme, then only URI characters and valid percent-escapes. */
function isUri(text: string): boolean {
  if (!URI_SCHEME.test(text)) return false;
  let fragments = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '%') {
      if (!HEX.test(text.slice(i + 1, i + 3))) return false;
      i += 2;
    } else if (!URI_CHAR.test(char)) {
      return false;
    } else if (char === '#' && ++fragments > 1) {
      return false;
    }
  }
  return true;
}

/** An RFC 5321 mailbox with a dot-atom local part and a host name of valid labels. */
function isEmail(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at <= 0 || at > 64 || text.length - at - 1 > 253) return false;
  if (!EMAIL_LOCAL.test(text.slice(0, at))) return false;
  return text
    .slice(at + 1)
    .split('.')
    .every((label) => DOMAIN_LABEL.test(label));
}

const FORMATS: ReadonlyMap<string, (text: string) => boolean> = new Map([
  ['date', isDate],
  ['date-time', isDateTime],
  ['email', isEmail],
  ['uri', isUri],
  ['uuid', (text: string) => UUID.test(text)],
]);

/** The check of an asserted format, or undefined for a format that is only an annotation. */
export function formatCheck(name: string): ((text: string) => boolean) | undefined {
  return FORMATS.get(name);
}
