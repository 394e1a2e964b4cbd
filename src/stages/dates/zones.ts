/**
 * The zone a clock time states, in the spelling TIMEX3 puts after the time:
 * 'Z' for UTC ("18:00 UTC", "1800 GMT"), an offset otherwise ("GMT+8" → +08:00,
 * "10 a.m. EST" → -05:00, "+0530" → +05:30). Abbreviations come from the
 * lexicon (data/lexicon/dates.json, timeZones); numeric offsets are read as written.
 */

const ZONE = /(?<![\w+-])(?:(UTC|GMT)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?|([A-Z]{1,5}))(?![\w+-])|(?<![\w:+-])([+-])(\d{2}):?(\d{2})(?![\w:])/g;

function offset(sign: string, hours: string, minutes: string | undefined): string | undefined {
  const h = Number(hours);
  const m = Number(minutes ?? 0);
  if (h > 14 || m > 59) return undefined;
  if (h === 0 && m === 0) return 'Z';
  return `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The zone stated in `text` (the words after a clock time), or undefined. */
export function zoneOf(text: string, zones: ReadonlyMap<string, string>): string | undefined {
  ZONE.lastIndex = 0;
  for (let match = ZONE.exec(text); match !== null; match = ZONE.exec(text)) {
    const [, base, sign, hours, minutes, abbreviation, bareSign, bareHours, bareMinutes] = match;
    if (base !== undefined) return offset(sign!, hours!, minutes);
    if (abbreviation !== undefined) {
      const known = zones.get(abbreviation);
      if (known !== undefined) return known;
      continue;
    }
    if (bareSign !== undefined) return offset(bareSign, bareHours!, bareMinutes);
  }
  return undefined;
}
