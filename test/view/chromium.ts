/**
 * The system's Chromium for the browser tests, driven by playwright-core (which
 * downloads nothing). Found at LEDE_CHROMIUM, /usr/bin/chromium or
 * /usr/bin/chromium-browser; without one the browser tests skip with a message,
 * except under CI=true, where its absence fails them (.ci/run installs it).
 */

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = [process.env.LEDE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
);

export const IN_CI = process.env.CI === 'true';

/**
 * Flags for a machine without a network: no background requests, no QUIC, no
 * component updates, so that the page's own requests are all there is to watch.
 * playwright adds --headless and a fresh --user-data-dir of its own.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches the system's Chromium, headless, with a fresh profile. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}
