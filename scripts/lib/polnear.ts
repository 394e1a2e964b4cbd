/**
 * Reads PolNeAR (Newell, Margolin & Ruths, LREC 2018) as laid out in
 * ../shared/data/polnear: `<split>/text/<file>.txt`, `<split>/attributions/<file>_<annotator>.ann`
 * (brat standoff) and `metadata.tsv` beside the splits. Where an article has several
 * annotators' files, the lowest annotator code is used.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface Piece {
  start: number;
  end: number;
}

export interface AttributionRelation {
  id: string;
  source: Piece[] | null;
  cue: Piece[] | null;
  content: Piece[];
}

export interface PolnearArticle {
  name: string;
  text: string;
  /** publication_date from metadata.tsv (YYYY-MM-DD), or null when absent. */
  publishedAt: string | null;
  annotator: string;
  relations: AttributionRelation[];
}

function parsePieces(field: string): Piece[] {
  return field.split(';').map((part) => {
    const [start, end] = part.trim().split(/\s+/).map(Number);
    return { start: start!, end: end! };
  });
}

/** Parses one brat .ann file into attribution relations (E lines tying Source, Cue and Content). */
export function parseAnnotations(ann: string): AttributionRelation[] {
  const spans = new Map<string, Piece[]>();
  const events: string[] = [];
  for (const line of ann.split(/\r?\n/)) {
    if (line.startsWith('T')) {
      const [id, body] = line.split('\t');
      if (!id || !body) continue;
      const space = body.indexOf(' ');
      spans.set(id, parsePieces(body.slice(space + 1)));
    } else if (line.startsWith('E')) {
      events.push(line);
    }
  }
  const relations: AttributionRelation[] = [];
  for (const line of events) {
    const [id, body] = line.split('\t');
    if (!id || !body) continue;
    // A role may repeat with a number (Content, Content2): their pieces join.
    const roles = new Map<string, Piece[]>();
    for (const part of body.trim().split(/\s+/)) {
      const [role, ref] = part.split(':');
      const pieces = ref ? spans.get(ref) : undefined;
      if (!role || !pieces) continue;
      const name = role.replace(/\d+$/, '');
      roles.set(name, [...(roles.get(name) ?? []), ...pieces]);
    }
    const content = roles.get('Content');
    if (!content) continue;
    const byStart = (a: Piece, b: Piece): number => a.start - b.start;
    relations.push({
      id,
      source: roles.get('Source')?.sort(byStart) ?? null,
      cue: roles.get('Cue')?.sort(byStart) ?? null,
      content: content.sort(byStart),
    });
  }
  return relations;
}

function readMetadata(path: string): Map<string, string> {
  const dates = new Map<string, string>();
  if (!existsSync(path)) return dates;
  const [header, ...rows] = readFileSync(path, 'utf8').split(/\r?\n/);
  const columns = (header ?? '').split('\t');
  const fileColumn = columns.indexOf('filename');
  const dateColumn = columns.indexOf('publication_date');
  for (const row of rows) {
    const cells = row.split('\t');
    const file = cells[fileColumn];
    const date = cells[dateColumn];
    if (file && date && /^\d{4}-\d{2}-\d{2}/.test(date)) dates.set(file, date.slice(0, 10));
  }
  return dates;
}

/** Loads every article of a split folder (e.g. ../shared/data/polnear/dev). */
export function loadPolnearSplit(splitDir: string): PolnearArticle[] {
  const textDir = join(splitDir, 'text');
  const annDir = join(splitDir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) {
    throw new Error(`${splitDir} is not a PolNeAR split: expected text/ and attributions/ inside it`);
  }
  const metadata = readMetadata(join(dirname(splitDir), 'metadata.tsv'));
  const annotations = new Map<string, string[]>();
  for (const file of readdirSync(annDir)) {
    const match = /^(.*)_([0-9a-z]+)\.ann$/i.exec(file);
    if (!match) continue;
    const list = annotations.get(match[1]!) ?? [];
    list.push(match[2]!);
    annotations.set(match[1]!, list);
  }
  const articles: PolnearArticle[] = [];
  for (const file of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = basename(file, '.txt');
    const annotators = annotations.get(name);
    if (!annotators) continue;
    const annotator = [...annotators].sort()[0]!;
    articles.push({
      name,
      text: readFileSync(join(textDir, file), 'utf8'),
      publishedAt: metadata.get(name) ?? null,
      annotator,
      relations: parseAnnotations(readFileSync(join(annDir, `${name}_${annotator}.ann`), 'utf8')),
    });
  }
  return articles;
}
