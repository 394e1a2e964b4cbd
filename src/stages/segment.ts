/**
 * Stage 1: paragraphs and page furniture.
 *
 * A line break ends a paragraph unless the text is hard-wrapped (the line runs on
 * into a next line that starts in lower case). Paragraphs that belong to the page
 * rather than the story (separator lines, section labels, footers) are furniture,
 * and so are wire codes such as "-02D-" at the end of a paragraph.
 */

import type { LedeDocument, Paragraph, ParagraphKind, Range } from '../core/document.js';
import type { Stage } from '../core/stage.js';

export interface FurnitureRule {
  id: string;
  pattern: string;
  examples: string[];
}

export interface FurnitureData {
  sectionLabels: string[];
  footers: FurnitureRule[];
  agencyCodes: FurnitureRule[];
}

export interface CompiledFurniture {
  sectionLabels: ReadonlySet<string>;
  footers: readonly { id: string; regex: RegExp }[];
  agencyCodes: readonly { id: string; regex: RegExp }[];
}

export function compileFurniture(data: FurnitureData): CompiledFurniture {
  return {
    sectionLabels: new Set(data.sectionLabels.map((label) => label.toLowerCase())),
    footers: data.footers.map((rule) => ({ id: rule.id, regex: new RegExp(rule.pattern, 'iu') })),
    agencyCodes: data.agencyCodes.map((rule) => ({ id: rule.id, regex: new RegExp(rule.pattern, 'u') })),
  };
}

/** Longest paragraph or footer we test against the furniture patterns. */
const MAX_FURNITURE_LENGTH = 200;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/g;
const ENDS_SENTENCE = /[.!?:;"'”’»)\]]\s*$/u;
const STARTS_LOWER = /^\s*\p{Ll}/u;
/** White space that `replace(/\s+/g, ' ')` would change: a run, or any but a plain space. */
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;

interface Line extends Range {
  blank: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match !== null; match = LINE_BREAK.exec(text)) {
    lines.push(lineOf(text, start, match.index));
    start = match.index + match[0].length;
  }
  lines.push(lineOf(text, start, text.length));
  return lines;
}

function lineOf(text: string, start: number, end: number): Line {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e, blank: s === e };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x200b || code === 0xfeff ||
    code === 0x0b || code === 0x0c || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/** Groups lines into paragraphs: blank lines always break, single breaks unless hard-wrapped. */
export function findParagraphs(text: string): Range[] {
  const paragraphs: Range[] = [];
  let current: Range | null = null;
  for (const line of splitLines(text)) {
    if (line.blank) {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    if (current && !ENDS_SENTENCE.test(text.slice(Math.max(current.start, current.end - 4), current.end)) &&
        STARTS_LOWER.test(text.slice(line.start, line.start + 4)) &&
        HAS_LETTER_OR_DIGIT.test(text.slice(current.start, current.end))) {
      current.end = line.end;
      continue;
    }
    if (current) paragraphs.push(current);
    current = { start: line.start, end: line.end };
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

export function classifyParagraph(
  text: string,
  furniture: CompiledFurniture,
  isFirst: boolean,
): ParagraphKind {
  if (!HAS_LETTER_OR_DIGIT.test(text)) return 'separator';
  if (text.length <= MAX_FURNITURE_LENGTH) {
    const normalized = (NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ') : text).toLowerCase();
    const last = normalized.charCodeAt(normalized.length - 1);
    if (furniture.sectionLabels.has(last === 46 || last === 58 ? normalized.slice(0, -1) : normalized)) return 'section-label';
    for (const rule of furniture.footers) if (rule.regex.test(normalized)) return 'footer';
  }
  if (isFirst && !ENDS_SENTENCE.test(text) && text.length <= MAX_FURNITURE_LENGTH) return 'headline';
  return 'body';
}

export const segmentStage: Stage = {
  name: 'segment',
  run(doc: LedeDocument, resources) {
    const { text } = doc;
    const paragraphs: Paragraph[] = [];
    let sawStory = false;
    for (const range of findParagraphs(text)) {
      const slice = text.slice(range.start, range.end);
      const kind = classifyParagraph(slice, resources.furniture, !sawStory);
      const furniture = kind === 'separator' || kind === 'section-label' || kind === 'footer';
      if (!furniture) sawStory = true;
      paragraphs.push({ index: paragraphs.length, start: range.start, end: range.end, kind, furniture });
      if (furniture) {
        doc.furniture.push({ start: range.start, end: range.end });
        continue;
      }
      const tail = slice.length > 40 ? slice.slice(-40) : slice;
      const tailStart = range.end - tail.length;
      for (const rule of resources.furniture.agencyCodes) {
        const match = rule.regex.exec(tail);
        if (match?.[1] !== undefined) {
          const start = tailStart + match.index + match[0].indexOf(match[1]);
          doc.furniture.push({ start, end: start + match[1].length });
          break;
        }
      }
    }
    doc.paragraphs = paragraphs;
  },
};
