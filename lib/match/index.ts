/**
 * Matcher entry point: a token-hash index compiled from candidate lists and an
 * explainable decision. Pure: no DOM, no extension API; the same code runs in Node and in a
 * content script. See docs/matching.md.
 *
 * - compileIndex(lists) — background/tests: lists → index
 * - serializeIndex(idx) — JSON-safe compact form for browser.storage.local
 * - checkIndex(data) — background: loadIndex and every cross-reference, before publishing
 * - loadIndex(data) — content script: cheap checks and rebuild (throws a clear Error on junk)
 * - decide(idx, input) — synchronous, microseconds, never throws
 */
export { checkIndex } from './check';
export { compileIndex } from './compile';
export { decide } from './decide';
export { normalise, normaliseTokens } from './normalise';
export { loadIndex, type SerializedIndex, serializeIndex } from './serialize';
export type { MatchIndex } from './structure';
export type { AccountRef, Decision, Evidence, MatchInput, TicketMatch } from './types';
