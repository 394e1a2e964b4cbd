/**
 * The training files of ../shared/data/ner-extra that `npm run train` adds to
 * CoNLL-2003 train, and how much each counts (the perceptron's update on one of
 * their documents is scaled by the weight). Only train files: their dev files
 * tune, and their test files are held out (never read).
 *
 * `--extra uner-ewt:1,gum:1` replaces the list for one run; `--extra none`
 * trains on CoNLL-2003 alone. The choice of the default, with the measurements
 * behind it, is in data/README.md.
 */

import { resolve } from 'node:path';

export interface ExtraSource {
  /** The file's name below ner-extra without ".txt" ("uner-ewt", "btc-news"). */
  name: string;
  path: string;
  weight: number;
  /** Which documents of the file to use (by index), when not all. */
  keep?: (index: number) => boolean;
}

/** Short names of the files that may be used. */
export const EXTRA_FILES: Readonly<Record<string, string>> = {
  'uner-ewt': 'uner-ewt/train.txt',
  gum: 'gum/train.txt',
  'btc-news': 'btc/train-news.txt',
  btc: 'btc/train.txt',
  wnut17: 'wnut17/train.txt',
  // GUM without its CC BY-SA texts (bio: Wikipedia, voyage: Wikivoyage). gum/train.txt
  // holds its documents by genre in alphabetical order (ner-extra/README.md): 14
  // academic, 16 bio, 5 court, 15 interview, 20 news, 14 voyage.
  'gum-cc-by': 'gum/train.txt',
};

/** Documents of gum/train.txt that are bio (14-29) or voyage (70-83). */
const GUM_SHARE_ALIKE = (index: number): boolean => (index >= 14 && index < 30) || index >= 70;

const EXTRA_ROOT = resolve('..', 'shared', 'data', 'ner-extra');

/** Reads `name:weight,name:weight` (weight 1 when left out), or `none`. */
export function parseExtraSources(spec: string): ExtraSource[] {
  if (spec === 'none' || spec === '') return [];
  return spec.split(',').map((part) => {
    const [name = '', weightText] = part.split(':');
    const file = EXTRA_FILES[name];
    if (!file) throw new Error(`--extra: unknown source "${name}"; accepted: ${Object.keys(EXTRA_FILES).join(', ')}, or none`);
    const weight = weightText === undefined ? 1 : Number(weightText);
    if (!(weight > 0)) throw new Error(`--extra: the weight of ${name} must be a positive number (got "${weightText}")`);
    const source: ExtraSource = { name, path: resolve(EXTRA_ROOT, file), weight };
    if (name === 'gum-cc-by') source.keep = (index) => !GUM_SHARE_ALIKE(index);
    return source;
  });
}

/** The default: see data/README.md for the measurements. */
export const EXTRA_SOURCES: ExtraSource[] = parseExtraSources('uner-ewt:1,gum:1,btc-news:0.5');
