/**
 * Datelines: "BAKU, Nov 14 (Reuters) -", "WASHINGTON, July 20, 2015 (AP) —",
 * "Moscow, 14 November (Turan) -". Found at the start of one of the first
 * paragraphs of the story. When the caller gives no publishedAt, the dateline is
 * the reference date; without a year of its own, the year comes from the
 * article's own full dates ("Nov. 12, 2024"), or stays unknown.
 */

import type { LedeDocument, Range, ReferenceDate } from '../../core/document.js';
import { isValidDay } from './calendar.js';
import { MONTH_PATTERN, monthOf } from './words.js';

/** How many story paragraphs may come before the one with the dateline (headline, byline). */
const MAX_PARAGRAPHS = 4;

const PLACE = "[A-Z][A-Za-z.'’-]{1,30}(?:\\s+[A-Z][A-Za-z.'’-]{1,30}){0,3}(?:,\\s*[A-Z][A-Za-z.'’-]{1,30}(?:\\s+[A-Z][A-Za-z.'’-]{1,30}){0,2})?";
const MONTH_DAY = `(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`;
const DAY_MONTH = `(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})(?:,?\\s+(\\d{4}))?`;
const DATELINE = new RegExp(
  `^(?:${PLACE}),?\\s+(?:${MONTH_DAY}|${DAY_MONTH})\\s*(?:\\(([A-Za-z][A-Za-z .&-]{1,30})\\)\\s*)?[-–—_:]`,
);
const FULL_DATE_YEAR = new RegExp(`${MONTH_PATTERN}\\s+\\d{1,2},?\\s+((?:19|20)\\d{2})\\b`, 'g');

export interface Dateline extends Range {
  month: number;
  day: number;
  year: number | null;
}

export function findDateline(doc: LedeDocument): Dateline | null {
  let seen = 0;
  for (const paragraph of doc.paragraphs) {
    if (paragraph.furniture) continue;
    if (seen++ >= MAX_PARAGRAPHS) break;
    const head = doc.text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 160));
    const match = DATELINE.exec(head);
    if (!match) continue;
    const [, monthA, dayA, yearA, dayB, monthB, yearB] = match;
    const monthWord = monthA ?? monthB!;
    const month = monthOf(monthWord);
    const day = Number(dayA ?? dayB);
    const yearText = yearA ?? yearB;
    const year = yearText === undefined ? null : Number(yearText);
    if (month === undefined || !isValidDay(year ?? 2000, month, day)) continue;
    const dateText = match[0].slice(match[0].indexOf(monthA !== undefined ? monthWord : dayB!));
    const start = paragraph.start + match[0].indexOf(dateText);
    const lastPart = yearText ?? (monthA !== undefined ? dayA! : monthWord);
    const end = paragraph.start + match[0].indexOf(lastPart, start - paragraph.start) + lastPart.length;
    return { start, end, month, day, year };
  }
  return null;
}

/** The reference a dateline gives: its own year, else the year most of the article's full dates state. */
export function referenceFromDateline(doc: LedeDocument, dateline: Dateline): ReferenceDate | null {
  let year = dateline.year;
  if (year === null) {
    const counts = new Map<number, number>();
    FULL_DATE_YEAR.lastIndex = 0;
    for (let match = FULL_DATE_YEAR.exec(doc.text); match !== null; match = FULL_DATE_YEAR.exec(doc.text)) {
      const found = Number(match[1]);
      counts.set(found, (counts.get(found) ?? 0) + 1);
    }
    let best = 0;
    for (const [candidate, count] of counts) {
      if (count > best || (count === best && candidate > (year ?? 0))) {
        best = count;
        year = candidate;
      }
    }
  }
  if (year === null || !isValidDay(year, dateline.month, dateline.day)) return null;
  return { year, month: dateline.month, day: dateline.day };
}
