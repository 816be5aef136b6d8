import type { Rule } from '../rule.js';
import { superlativeTech } from './superlative-tech.js';
import { conceptRace } from './concept-race.js';
import { showcaseDisplay } from './showcase-display.js';
import { aiEverywhere } from './ai-everywhere.js';
import { noAccountableOwner } from './no-accountable-owner.js';
import { digitalOnly } from './digital-only.js';
import { overReach } from './over-reach.js';
import { grassrootsBurden } from './grassroots-burden.js';
import { duplicateBuild } from './duplicate-build.js';
import { noFallback } from './no-fallback.js';
import { oneShotInvestment } from './one-shot-investment.js';

/** The rule catalogue of DESIGN.md section 2, in its order. */
export const RULES: readonly Rule[] = [
  superlativeTech,
  conceptRace,
  showcaseDisplay,
  aiEverywhere,
  noAccountableOwner,
  digitalOnly,
  overReach,
  grassrootsBurden,
  duplicateBuild,
  noFallback,
  oneShotInvestment,
];
