/**
 * Organisation names from openly licensed public repositories, for
 * `npm run prepare-data -- --sources DIR` (scripts/build-gazetteers.ts). DIR
 * holds bare git clones named `owner+name/repo` (as the project's fetch tool
 * lays them out; `git clone --bare https://github.com/owner/name DIR/owner+name/repo`
 * makes the same); each file is read with `git show <pinned commit>:<path>`, so
 * a rebuild gives the same lists whatever the clones' newest commit is.
 *
 *   company     datasets/nasdaq-listings (PDDL-1.0): Nasdaq-listed and NYSE-listed
 *               companies' names, the share class and legal form cut off
 *               ("Iridium Communications Inc - Common Stock" -> "Iridium Communications")
 *   company     datasets/s-and-p-500-companies (PDDL-1.0): S&P 500 constituents
 *   club        openfootball/clubs (CC0-1.0): football clubs and their other names
 *   university  Hipo/university-domains-list (MIT): universities and colleges
 *
 * Names of one plain word are left out of the company and club lists ("Target",
 * "Visa", "Palace"): as a word they are mostly not the company. The hand-written
 * data/lexicon/organizations.json holds the one-word companies that matter.
 */

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface OpenSource {
  repo: string;
  commit: string;
  licence: string;
}

export const OPEN_SOURCES = {
  nasdaq: { repo: 'datasets/nasdaq-listings', commit: '31d3809cc090d5a535ecc3db2b26904cbb2ac84d', licence: 'PDDL-1.0' },
  /** The last commit with nyse-listed.csv (April 2015). */
  nyse: { repo: 'datasets/nasdaq-listings', commit: '88035cdbe1ce0dd71c027bf437a4734f76c4ec3b', licence: 'PDDL-1.0' },
  sp500: { repo: 'datasets/s-and-p-500-companies', commit: '56509dd80619e4d8e1410c2260d68ddd3eab6068', licence: 'PDDL-1.0' },
  clubs: { repo: 'openfootball/clubs', commit: 'ae3800227c449447b3a337fc0aac79a8f02f4c8b', licence: 'CC0-1.0' },
  universities: { repo: 'Hipo/university-domains-list', commit: 'bb07faf064e1c68be9b26fb71de31f01e361f974', licence: 'MIT' },
} as const satisfies Record<string, OpenSource>;

function gitDir(root: string, source: OpenSource): string {
  return join(root, source.repo.replace('/', '+'), 'repo');
}

function show(root: string, source: OpenSource, path: string): string {
  return execFileSync('git', ['--git-dir', gitDir(root, source), 'show', `${source.commit}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function listFiles(root: string, source: OpenSource): string[] {
  return execFileSync('git', ['--git-dir', gitDir(root, source), 'ls-tree', '-r', '--name-only', source.commit], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** Splits one CSV line (quoted fields with "" escapes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** Securities that are not a company's shares: funds, notes, warrants, rights, units, blank-cheque companies. */
const NOT_A_COMPANY = /\b(ETF|ETN|Fund|Funds|Trust|Portfolio|Index|Notes?|Debentures?|Warrants?|Rights?|Units?|Preferred|Acquisition|Merger|Capital Corp|Bond|Treasury|Income|Municipal|Shares of Beneficial|TEST STOCK|Depositary Receipts? representing)\b/i;
/** Where the share class begins ("- Common Stock", "Class A Ordinary Shares", "Common Stock"). */
const SHARE_CLASS = /\s+(?:-\s+.*|Class [A-Z]\b.*|Common Stock.*|Ordinary Shares?.*|American Depositary Shares?.*|ADS\b.*|Common Shares?.*|Subordinate Voting Shares.*|Capital Stock.*|Series [A-Z]\b.*)$/i;
/** A legal form at the end of a company's name. */
const LEGAL_FORM = /(?:,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Companies|Ltd|Limited|LLC|L\.L\.C|LP|L\.P|PLC|plc|N\.V|NV|S\.A|SA|S\.p\.A|SpA|AG|SE|ASA|AB|A\/S|Oyj|Holdings?|Group|Bancorp(?:oration)?|& Co|and Company|Trust)\.?)+$/;

/** A company's name without share class, legal form, "The" or trailing punctuation. */
export function companyBaseName(security: string): string | null {
  if (NOT_A_COMPANY.test(security)) return null;
  let name = security.replace(SHARE_CLASS, '').replace(/\s+\(.*\)$/, '').trim();
  name = name.replace(LEGAL_FORM, '').replace(/[,.]+$/, '').replace(/^The\s+/, '').trim();
  return name.length >= 2 ? name : null;
}

/** One plain word: left out (see the header). */
const ONE_PLAIN_WORD = /^[A-Z][a-z]+$/;

export function companyNames(root: string): string[] {
  const names = new Set<string>();
  const add = (security: string | undefined): void => {
    const name = security === undefined ? null : companyBaseName(security.trim());
    if (name && !ONE_PLAIN_WORD.test(name) && /\s|[A-Z].*[A-Z]|\d/.test(name)) names.add(name);
  };
  for (const line of show(root, OPEN_SOURCES.nasdaq, 'data/nasdaq-listed.csv').split('\n').slice(1)) add(csvFields(line)[1]);
  for (const line of show(root, OPEN_SOURCES.nyse, 'data/nyse-listed.csv').split('\n').slice(1)) add(csvFields(line)[1]);
  for (const line of show(root, OPEN_SOURCES.sp500, 'data/constituents.csv').split('\n').slice(1)) add(csvFields(line)[1]);
  return [...names];
}

/** Football clubs: each club line's name (before its first comma) and the other names on its `|` lines. */
export function clubNames(root: string): string[] {
  const names = new Set<string>();
  const add = (raw: string): void => {
    const name = raw.replace(/#.*$/, '').replace(/\s*\(.*?\)\s*/g, ' ').replace(/[‹›]/g, '').trim();
    if (name.length >= 2 && !ONE_PLAIN_WORD.test(name) && !/^\d+$/.test(name)) names.add(name);
  };
  for (const path of listFiles(root, OPEN_SOURCES.clubs)) {
    if (!/\.clubs\.txt$/.test(path) || path.includes('.lang.')) continue;
    for (const line of show(root, OPEN_SOURCES.clubs, path).split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('=')) continue;
      if (trimmed.startsWith('|')) for (const alternative of trimmed.replace(/#.*$/, '').split('|')) add(alternative);
      else add(trimmed.split(',')[0]!);
    }
  }
  return [...names];
}

export function universityNames(root: string): string[] {
  const list = JSON.parse(show(root, OPEN_SOURCES.universities, 'world_universities_and_domains.json')) as { name: string }[];
  return [...new Set(list.map((u) => u.name.trim()))];
}
