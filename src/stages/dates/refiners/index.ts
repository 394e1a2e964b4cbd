/** The refiners of the dates stage, in order: filter, extend over point modifiers, decide overlaps, read mods, link the ends of ranges, attach times to days, resolve. */

import type { DateRefiner } from '../refiner.js';
import { assignMods } from './assign-mods.js';
import { attachTimeToDay } from './attach-time-to-day.js';
import { dropFalseAlarms } from './drop-false-alarms.js';
import { dropFurniture } from './drop-furniture.js';
import { extendModifiers } from './extend-modifiers.js';
import { linkRanges } from './link-ranges.js';
import { removeOverlaps } from './remove-overlaps.js';
import { resolveValues } from './resolve-values.js';

export const DATE_REFINERS: readonly DateRefiner[] = Object.freeze([
  dropFurniture,
  dropFalseAlarms,
  extendModifiers,
  removeOverlaps,
  assignMods,
  linkRanges,
  attachTimeToDay,
  resolveValues,
]);
