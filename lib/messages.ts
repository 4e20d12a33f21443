/**
 * Glossa's one message protocol. Content scripts and extension pages send requests to the
 * background, which alone touches the database; the background and popup send a few
 * requests to content scripts. Every message is validated on arrival against the schemas
 * here, so a page that forges a message gets an error, not a crash or a write.
 *
 * The transport (`browser.runtime.sendMessage`, `browser.tabs.sendMessage`) is passed in,
 * so this module stays pure and testable.
 */
import type { ImportResult, ListCursor, PassagePage } from './db/passages';
import * as v from 'valibot';
import type { StoredEntry, StoredPack } from './db/database';
import type { CompiledMatcher } from './match/compiled';
import type { BlockMatches } from './match/block-matches';
import { type Passage, PassageInputSchema, PassageSchema } from './passages/schema';
import { type Settings, SettingsPatchSchema } from './settings';
import type { SettingsSyncState } from './settings-sync';
import type { StoredBlockedForm, StoredEdit } from './db/database';
import { ENTRY_KINDS, type Pack } from './glossary/schema';
import { ENTRY_ORIGINS, type EntitySummary } from './glossary/personal';
import { type UserMessage, UserError } from './user-message';

const Key = v.pipe(v.string(), v.maxLength(200));

/** An article longer than this many blocks is built from its first blocks only. */
export const MAX_ARTICLE_BLOCKS = 5_000;

/** Requests the background answers. */
export const BackgroundRequestSchema = v.variant('type', [
  /** The matcher for the sender's page: every public pack, and the pack built from this page. */
  v.object({ type: v.literal('getMatcher') }),
  /**
   * Builds (or rebuilds) the glossary of the sender's page from its article's text blocks.
   * The page's URL and site are taken from the sender, never from the message.
   */
  v.object({
    type: v.literal('buildPageGlossary'),
    title: v.pipe(v.string(), v.maxLength(2000)),
    published: v.optional(v.pipe(v.string(), v.isoDate())),
    lang: v.optional(v.pipe(v.string(), v.maxLength(35))),
    blocks: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200_000))), v.maxLength(MAX_ARTICLE_BLOCKS)),
  }),
  v.object({ type: v.literal('getEntries'), keys: v.pipe(v.array(Key), v.maxLength(10_000)) }),
  v.object({ type: v.literal('listEntries') }),
  v.object({ type: v.literal('getSettings') }),
  v.object({ type: v.literal('updateSettings'), patch: SettingsPatchSchema }),
  /** Whether the turned-off sites fit in sync storage, and why not: for the options page. */
  v.object({ type: v.literal('getSettingsSync') }),
  // The pack itself is validated by the pack schema in the handler, with a precise message.
  v.object({ type: v.literal('importPack'), pack: v.unknown() }),
  v.object({ type: v.literal('removePack'), id: Key }),
  v.object({ type: v.literal('savePassage'), passage: PassageInputSchema }),
  /** Undo of a save just made from a page: allowed from that page, for a short while. */
  v.object({ type: v.literal('undoSave'), id: Key }),
  /** A page's saved passages, to paint them again. `url` is the page's canonical URL. */
  // For the sender's own page only: the background reads its URL from the browser, not the message.
  v.object({ type: v.literal('passagesForPage') }),
  /** Whether each of this page's passages was found on it. */
  v.object({
    type: v.literal('reportFound'),
    results: v.pipe(
      v.array(
        v.object({
          id: Key,
          status: v.picklist(['found', 'missing']),
          errors: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
        }),
      ),
      v.maxLength(10_000),
    ),
  }),
  /** A page of the reading list, filtered and searched in the background (see listPassages in lib/db/passages). */
  v.object({
    type: v.literal('listPassages'),
    query: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    site: v.optional(v.pipe(v.string(), v.maxLength(253))),
    tag: v.optional(v.pipe(v.string(), v.maxLength(100))),
    entry: v.optional(Key),
    order: v.optional(v.picklist(['newest', 'oldest'])),
    /**
     * The `next` of the previous page: a time and id, or, for a search (ranked, best first),
     * the rank the next page starts at.
     */
    cursor: v.optional(
      v.union([
        v.object({ savedAt: v.pipe(v.number(), v.integer()), id: Key }),
        v.object({ rank: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
      ]),
    ),
    /** Passages per page, up to MAX_PAGE (lib/db/passages); 0 for the counts (and facets) only. */
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)), 50),
    /** Also answer the filters' choices and the number stored (slower: the page asks for them apart). */
    facets: v.optional(v.boolean()),
  }),
  v.object({
    type: v.literal('updatePassage'),
    id: Key,
    note: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
    tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(100))),
  }),
  v.object({ type: v.literal('deletePassage'), id: Key }),
  v.object({ type: v.literal('restorePassage'), passage: PassageSchema }),
  /** The text of a JSON export file; validated in the background. */
  v.object({ type: v.literal('importPassages'), text: v.pipe(v.string(), v.maxLength(100_000_000)) }),
  /** Opens the passage's page in a new tab, scrolled to and flashing the passage. */
  v.object({ type: v.literal('openPassage'), id: Key }),
  /**
   * A card's "In other articles you read": the entries of other packs that are the same entities
   * as `keys`. Only keys this page may show (public packs, the page's own) are answered.
   */
  v.object({ type: v.literal('otherArticles'), keys: v.pipe(v.array(Key), v.maxLength(50)) }),
  /** "Add to glossary" on a selection: an entry made by hand on the sender's page. */
  v.object({
    type: v.literal('addToGlossary'),
    name: v.pipe(v.string(), v.maxLength(2000)),
    sentence: v.pipe(v.string(), v.maxLength(20_000)),
    title: v.pipe(v.string(), v.maxLength(2000)),
  }),
  /** A card's "Open in your glossary": the background opens the glossary page at the entry. */
  v.object({ type: v.literal('openGlossary'), key: Key }),
  // The glossary page (extension pages only).
  /** A page of the personal glossary's entities, searched with the popup's ranking. */
  v.object({
    type: v.literal('glossaryEntities'),
    query: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    origin: v.optional(v.picklist(ENTRY_ORIGINS)),
    /** False for the popup, which lists what is shown on pages; the glossary page lists hidden ones too. */
    includeHidden: v.optional(v.boolean()),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 100),
  }),
  /** One entity, every entry of it, hidden ones too, with the reader's edits applied. */
  v.object({ type: v.literal('glossaryEntity'), key: Key }),
  v.object({
    type: v.literal('editEntry'),
    key: Key,
    patch: v.object({
      name: v.optional(v.pipe(v.string(), v.maxLength(200))),
      summary: v.optional(v.pipe(v.string(), v.maxLength(600))),
      aliases: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(50))),
      kind: v.optional(v.picklist(ENTRY_KINDS)),
    }),
  }),
  v.object({ type: v.literal('hideEntries'), keys: v.pipe(v.array(Key), v.maxLength(1000)), hidden: v.boolean() }),
  v.object({ type: v.literal('mergeEntities'), a: Key, b: Key }),
  v.object({ type: v.literal('splitEntry'), key: Key }),
  v.object({ type: v.literal('blockForm'), text: v.pipe(v.string(), v.maxLength(200)) }),
  v.object({ type: v.literal('unblockForm'), form: v.pipe(v.string(), v.maxLength(200)) }),
  v.object({ type: v.literal('listBlockedForms') }),
  v.object({ type: v.literal('listPacks') }),
  /** Deletes everything built from one article (or added by hand on one page). */
  v.object({ type: v.literal('deleteBuiltPack'), id: Key }),
  /** A pack in the documented format, to save as a file. */
  v.object({ type: v.literal('exportPack'), id: Key }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

/** An entry as cards and the popup show it: the entry and the pack it comes from. */
export interface EntryView extends StoredEntry {
  readonly pack: Pick<StoredPack, 'id' | 'title' | 'source' | 'origin'>;
}

/** What building a page's glossary came to. */
export interface PageBuildResult {
  /** `unchanged`: the article is as it was when last built; `empty`: it names nothing to mark. */
  readonly outcome: 'built' | 'unchanged' | 'empty';
  readonly entries: number;
  /** Time the builder took in the background. */
  readonly buildMs: number;
  /**
   * The article's matches under the matcher the page will get next (the glossary just built
   * included), block by block as sent: the page's scan after the build only paints them.
   */
  readonly matches?: BlockMatches;
  /** Time the matching took in the background. */
  readonly matchMs?: number;
}

/** What each background request answers. */
export interface BackgroundResponses {
  /** No matcher where Glossa is off for the page's site: the settings say so. */
  getMatcher: { matcher?: CompiledMatcher; settings: Settings };
  buildPageGlossary: PageBuildResult;
  getEntries: EntryView[];
  listEntries: EntryView[];
  getSettings: Settings;
  updateSettings: Settings;
  getSettingsSync: SettingsSyncState;
  importPack: { id: string; entries: number; outcome: 'installed' | 'updated' | 'unchanged' };
  removePack: boolean;
  savePassage: { passage: Passage; duplicate: boolean };
  undoSave: boolean;
  passagesForPage: { passages: Passage[]; reveal?: string };
  reportFound: null;
  listPassages: PassagePage<ListCursor>;
  updatePassage: Passage;
  deletePassage: Passage | null;
  restorePassage: null;
  importPassages: ImportResult;
  openPassage: null;
  otherArticles: EntryView[];
  addToGlossary: { key: string; name: string };
  openGlossary: null;
  glossaryEntities: { entities: EntitySummary[]; total: number };
  glossaryEntity: { entity: EntitySummary; entries: GlossaryEntryView[] } | null;
  editEntry: null;
  hideEntries: null;
  mergeEntities: null;
  splitEntry: null;
  blockForm: StoredBlockedForm;
  unblockForm: null;
  listBlockedForms: StoredBlockedForm[];
  listPacks: StoredPack[];
  deleteBuiltPack: boolean;
  exportPack: Pack;
}

/** An entry on the glossary page: as shown, plus whether it is hidden and what the reader changed. */
export interface GlossaryEntryView extends EntryView {
  readonly hidden: boolean;
  readonly edit?: StoredEdit;
}

/** Requests only extension pages may send: a content script runs next to page code. */
export const PRIVILEGED_REQUESTS: ReadonlySet<BackgroundRequest['type']> = new Set([
  'updateSettings',
  'getSettingsSync',
  'importPack',
  'removePack',
  'listPassages',
  'updatePassage',
  'deletePassage',
  'restorePassage',
  'importPassages',
  'openPassage',
  'glossaryEntities',
  'glossaryEntity',
  'editEntry',
  'hideEntries',
  'mergeEntities',
  'splitEntry',
  'blockForm',
  'unblockForm',
  'listBlockedForms',
  'listPacks',
  'deleteBuiltPack',
  'exportPack',
]);

/** Requests content scripts answer. */
export const TabRequestSchema = v.variant('type', [
  v.object({ type: v.literal('glossaryChanged') }),
  v.object({ type: v.literal('pageTerms') }),
  /** The keyboard shortcut: open the card for the term at the selection or caret. */
  v.object({ type: v.literal('openCardAtSelection') }),
  /** The popup: which site this is, and whether Glossa is marking it. */
  v.object({ type: v.literal('pageInfo') }),
  /** The popup's "On this page": scroll to the entry's first mention and flash it. */
  v.object({ type: v.literal('revealTerm'), key: Key }),
  /** The context menu and shortcut: save the current selection to the reading list. */
  v.object({ type: v.literal('saveSelection') }),
  /** The context menu: add the selection to the glossary, by hand. */
  v.object({ type: v.literal('addSelectionToGlossary') }),
  /** The popup, context menu and shortcut: build a glossary from this page, article-like or not. */
  v.object({ type: v.literal('buildGlossary') }),
]);
export type TabRequest = v.InferOutput<typeof TabRequestSchema>;

export interface TabResponses {
  glossaryChanged: null;
  /** Entries found on the page, with their mention counts, most mentioned first. */
  pageTerms: { key: string; count: number }[];
  /** Whether a term was found at the selection. */
  openCardAtSelection: boolean;
  pageInfo: { hostname: string; title: string };
  revealTerm: boolean;
  /** The outcome, as the page showed it to the reader. */
  saveSelection: { saved: boolean; duplicate: boolean; message: string };
  buildGlossary: { entries: number; message: string };
  addSelectionToGlossary: { added: boolean; message: string };
}

/**
 * Every answer travels in an envelope, so errors arrive as readable messages. A UserError
 * travels as its key and substitutions (`reason`), translated where it is shown.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string; reason?: UserMessage };

export type Transport = (message: unknown) => Promise<unknown>;

export class MessageError extends Error {
  override name = 'MessageError';
}

function unwrap<T>(reply: unknown): T {
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new UserError('errorNoAnswer');
  }
  const envelope = reply as Envelope<T>;
  if (!envelope.ok) {
    if (envelope.reason) throw new UserError(envelope.reason.key, ...envelope.reason.substitutions);
    throw new MessageError(envelope.error);
  }
  return envelope.value;
}

/** A typed client: `send({ type: 'getSettings' })` resolves to `Settings`. */
export function createBackgroundClient(transport: Transport) {
  return async function send<R extends BackgroundRequest>(request: R): Promise<BackgroundResponses[R['type']]> {
    return unwrap<BackgroundResponses[R['type']]>(await transport(request));
  };
}
export type BackgroundClient = ReturnType<typeof createBackgroundClient>;

export function createTabClient(transport: Transport) {
  return async function send<R extends TabRequest>(request: R): Promise<TabResponses[R['type']]> {
    return unwrap<TabResponses[R['type']]>(await transport(request));
  };
}
export type TabClient = ReturnType<typeof createTabClient>;

/** Validates a raw message: the parsed request, or the reason it was refused. */
export function parseBackgroundRequest(raw: unknown): { request: BackgroundRequest } | { error: string } {
  const parsed = v.safeParse(BackgroundRequestSchema, raw);
  if (parsed.success) return { request: parsed.output };
  return { error: `Refused a malformed message: ${parsed.issues[0]?.message ?? 'unknown shape'}` };
}

export function parseTabRequest(raw: unknown): { request: TabRequest } | { error: string } {
  const parsed = v.safeParse(TabRequestSchema, raw);
  if (parsed.success) return { request: parsed.output };
  return { error: `Refused a malformed message: ${parsed.issues[0]?.message ?? 'unknown shape'}` };
}

export interface SenderInfo {
  /** The sending extension's id. */
  readonly id?: string;
  /** The URL of the sending page or frame. */
  readonly url?: string;
}

/**
 * Checks who sent a request: only this extension, and privileged requests only from the
 * extension's own pages (a content script shares its page with code Glossa does not trust).
 * Returns the reason for refusal, or undefined when the request may run.
 */
export function refusalFor(
  request: BackgroundRequest,
  sender: SenderInfo,
  self: { id: string; origin: string },
): string | undefined {
  if (sender.id !== self.id) return 'Glossa answers only its own pages and content scripts.';
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(self.origin);
  if (PRIVILEGED_REQUESTS.has(request.type) && !fromExtensionPage) {
    return `"${request.type}" may only be sent from Glossa's own pages.`;
  }
  return undefined;
}

/** Runs a handler and wraps its result or error in an envelope. */
export async function answer<T>(run: () => Promise<T> | T): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UserError) {
      return { ok: false, error: message, reason: { key: error.key, substitutions: error.substitutions } };
    }
    return { ok: false, error: message };
  }
}
