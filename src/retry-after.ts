/** The `Retry-After` header's grammar: RFC 9110's delta-seconds and HTTP-dates, and Zoom's ISO-8601 timestamps. */
const WEEKDAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = `(?<month>${MONTHS.join("|")})`;
const TIME = "(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})";
/** RFC 9110's three HTTP-date forms, and the ISO-8601 timestamp of Zoom's daily limit. */
const DATE_FORMS = [
  new RegExp(`^${WEEKDAY}, (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`), // IMF-fixdate
  new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<day>\\d{2})-${MONTH}-(?<year>\\d{2}) ${TIME} GMT$`), // RFC 850
  new RegExp(`^${WEEKDAY} ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`), // asctime
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})T(?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?:\.\d+)?(?<zone>Z|[+-]\d{2}:\d{2})$/i,
];

/** `Retry-After` in epoch milliseconds; undefined for anything else, or a time no `Date` can hold. */
export function retryAfterAt(value: string | null, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return valid(now + Number(text) * 1000);
  const parts = DATE_FORMS.map((form) => form.exec(text)?.groups).find((groups) => groups !== undefined);
  if (!parts) return undefined;
  let year = Number(parts.year);
  // RFC 9110: a two-digit year more than 50 years ahead is in the past century.
  if (parts.year?.length === 2) year += 2000 + year > new Date(now).getUTCFullYear() + 50 ? 1900 : 2000;
  const pad = (field: string | number | undefined, width = 2) => String(field).trim().padStart(width, "0");
  const month = MONTHS.indexOf(parts.month ?? "") + 1 || Number(parts.month);
  const written = `${pad(year, 4)}-${pad(month)}-${pad(parts.day)}T${parts.hour}:${parts.minute}:${parts.second}`;
  const [, sign, zoneHours, zoneMinutes] = /^([+-])(\d{2}):(\d{2})$/.exec(parts.zone ?? "") ?? [];
  const offset = sign ? (sign === "-" ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes)) * 60_000 : 0;
  const at = Date.parse(`${written}Z`);
  // Date rolls 31 February over into March and 24:00 into the next day: the time must read back as written.
  return Number.isNaN(at) || new Date(at).toISOString().slice(0, 19) !== written ? undefined : valid(at - offset);
}

const valid = (at: number) => (Number.isFinite(new Date(at).getTime()) ? at : undefined);
