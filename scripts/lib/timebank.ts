/**
 * Reads TimeML 1.2.1 documents (TimeBank, AQUAINT: the TempEval-3 training data)
 * into what the dates evaluation needs: the document creation time (DCT) as the
 * publication date, the plain text of <TEXT> (tags stripped, entities decoded)
 * and the gold TIMEX3 spans, with offsets into that plain text.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  tid: string;
  /** The TIMEX3 mod attribute ('START', 'APPROX', …), when the annotators gave one. */
  mod?: string;
}

export interface TimeMlDocument {
  id: string;
  /** The DCT value, e.g. '1998-02-27' (may carry a time: '1998-08-07T06:18:00'). */
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML character references of a text run. */
export function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{1,10});/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  const pattern = /([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"/g;
  for (let m = pattern.exec(tag); m !== null; m = pattern.exec(tag)) result[m[1]!] = decodeEntities(m[2]!);
  return result;
}

/** Parses one TimeML document. */
export function parseTimeMl(xml: string, id = ''): TimeMlDocument {
  const dctBlock = /<DCT>([\s\S]*?)<\/DCT>/.exec(xml)?.[1] ?? '';
  const dctTag = /<TIMEX3\b[^>]*>/.exec(dctBlock)?.[0] ?? '';
  const dct = attributes(dctTag).value ?? '';
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';

  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; attrs: Record<string, string> }[] = [];
  const tagPattern = /<(\/?)([A-Za-z0-9]+)\b([^>]*)>/g;
  let last = 0;
  for (let m = tagPattern.exec(body); m !== null; m = tagPattern.exec(body)) {
    text += decodeEntities(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '/') {
      const opened = open.pop();
      if (!opened) continue;
      timexes.push({
        start: opened.start,
        end: text.length,
        text: text.slice(opened.start, text.length),
        type: (opened.attrs.type ?? 'DATE') as TimexType,
        value: opened.attrs.value ?? '',
        tid: opened.attrs.tid ?? '',
        ...(opened.attrs.mod ? { mod: opened.attrs.mod } : {}),
      });
    } else if (!m[3]!.trim().endsWith('/')) {
      open.push({ start: text.length, attrs: attributes(m[3]!) });
    }
  }
  text += decodeEntities(body.slice(last));
  timexes.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id, dct, text, timexes };
}

/** Every `.tml` file under a directory (recursively), sorted by path, parsed. */
export function readTimeBank(directory: string): TimeMlDocument[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.tml')) files.push(path);
    }
  };
  walk(directory);
  return files.map((file) => parseTimeMl(readFileSync(file, 'utf8'), basename(file, '.tml')));
}
