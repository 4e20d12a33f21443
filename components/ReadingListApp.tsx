import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { BackgroundClient } from '@/lib/messages';
import { toCsv, toJson, toMarkdown } from '@/lib/passages/export';
import type { Passage } from '@/lib/passages/schema';
import { PassageItem } from './PassageItem';

export interface ReadingListAppProps {
  readonly send: BackgroundClient;
  /** Offers a file to the reader (a download). */
  download(name: string, type: string, text: string): void;
}

type Notice = { readonly text: string; readonly tone: 'info' | 'error'; readonly undo?: Passage };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The reading list: search, filter, sort, edit, delete with undo, export and import. */
export function ReadingListApp({ send, download }: ReadingListAppProps) {
  const [all, setAll] = useState<Passage[] | undefined>();
  const [matching, setMatching] = useState<Set<string> | undefined>();
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [query, setQuery] = useState('');
  const [site, setSite] = useState('');
  const [tag, setTag] = useState('');
  const [entry, setEntry] = useState('');
  const [newestFirst, setNewestFirst] = useState(true);
  const [notice, setNotice] = useState<Notice | undefined>();

  const reload = useCallback(
    () => send({ type: 'listPassages' }).then(setAll, (e: unknown) => setNotice({ text: errorText(e), tone: 'error' })),
    [send],
  );
  useEffect(() => {
    void reload();
    send({ type: 'listEntries' }).then(
      (entries) => setNames(new Map(entries.map((e) => [e.key, e.name]))),
      () => undefined,
    );
  }, [send, reload]);

  // Full-text search runs in the background over text, notes, tags, titles and sites.
  useEffect(() => {
    if (!query.trim()) {
      setMatching(undefined);
      return;
    }
    let current = true;
    send({ type: 'listPassages', query }).then(
      (found) => current && setMatching(new Set(found.map((p) => p.id))),
      (e: unknown) => setNotice({ text: errorText(e), tone: 'error' }),
    );
    return () => {
      current = false;
    };
  }, [send, query, all]);

  const sites = useMemo(() => [...new Set((all ?? []).map((p) => p.site))].sort(), [all]);
  const tags = useMemo(() => [...new Set((all ?? []).flatMap((p) => p.tags))].sort(), [all]);
  const entryKeys = useMemo(() => [...new Set((all ?? []).flatMap((p) => p.entries))], [all]);

  const shown = useMemo(() => {
    const list = (all ?? []).filter(
      (p) =>
        (!matching || matching.has(p.id)) &&
        (!site || p.site === site) &&
        (!tag || p.tags.includes(tag)) &&
        (!entry || p.entries.includes(entry)),
    );
    return list.sort((a, b) => (newestFirst ? b.savedAt - a.savedAt : a.savedAt - b.savedAt));
  }, [all, matching, site, tag, entry, newestFirst]);

  const replace = (next: Passage) => setAll((list) => list?.map((p) => (p.id === next.id ? next : p)));

  const remove = async (p: Passage) => {
    try {
      const deleted = await send({ type: 'deletePassage', id: p.id });
      setAll((list) => list?.filter((x) => x.id !== p.id));
      if (deleted) setNotice({ text: 'Passage deleted.', tone: 'info', undo: deleted });
    } catch (e) {
      setNotice({ text: errorText(e), tone: 'error' });
    }
  };

  const undoDelete = async (p: Passage) => {
    try {
      await send({ type: 'restorePassage', passage: p });
      setNotice({ text: 'Passage restored.', tone: 'info' });
      await reload();
    } catch (e) {
      setNotice({ text: errorText(e), tone: 'error' });
    }
  };

  const importFile = async (file: File) => {
    try {
      const { added, skipped, rejected, problems } = await send({ type: 'importPassages', text: await file.text() });
      const unsafe = rejected
        ? `; ${rejected} left out as unsafe (${problems
            .slice(0, 3)
            .map((p) => p.reason)
            .join('; ')}${rejected > 3 ? '…' : ''})`
        : '';
      setNotice({
        text: `Imported ${added} ${added === 1 ? 'passage' : 'passages'}${skipped ? `; ${skipped} already here` : ''}${unsafe}.`,
        tone: rejected ? 'error' : 'info',
      });
      await reload();
    } catch (e) {
      setNotice({ text: `Nothing was imported. ${errorText(e)}`, tone: 'error' });
    }
  };

  const stamp = new Date().toISOString().slice(0, 10);
  const passages = all ?? [];

  return (
    <main class="reading-list">
      <header class="list-header">
        <h1>Reading list</h1>
        <div class="row">
          <button
            type="button"
            disabled={!passages.length}
            onClick={() => download(`glossa-reading-list-${stamp}.md`, 'text/markdown', toMarkdown(shown))}
          >
            Export Markdown
          </button>
          <button
            type="button"
            disabled={!passages.length}
            onClick={() => download(`glossa-reading-list-${stamp}.json`, 'application/json', toJson(passages))}
          >
            Export JSON
          </button>
          <button
            type="button"
            disabled={!passages.length}
            onClick={() => download(`glossa-reading-list-${stamp}.csv`, 'text/csv', toCsv(shown))}
          >
            Export CSV
          </button>
          <label class="file">
            Import JSON
            <input
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
        </div>
      </header>
      {notice && (
        <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}{' '}
          {notice.undo && (
            <button type="button" class="link" onClick={() => void undoDelete(notice.undo!)}>
              Undo
            </button>
          )}
        </p>
      )}
      <div class="filters">
        <input
          type="search"
          placeholder="Search passages and notes"
          aria-label="Search passages and notes"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <label>
          Site{' '}
          <select aria-label="Filter by site" value={site} onChange={(e) => setSite(e.currentTarget.value)}>
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select aria-label="Filter by tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Entry{' '}
          <select aria-label="Filter by glossary entry" value={entry} onChange={(e) => setEntry(e.currentTarget.value)}>
            <option value="">All entries</option>
            {entryKeys.map((k) => (
              <option key={k} value={k}>
                {names.get(k) ?? k}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort{' '}
          <select
            aria-label="Sort by date"
            value={newestFirst ? 'newest' : 'oldest'}
            onChange={(e) => setNewestFirst(e.currentTarget.value === 'newest')}
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
      </div>
      {!all && <p class="muted">Loading your reading list…</p>}
      {all && passages.length === 0 && (
        <p class="muted">
          Nothing saved yet. Select text on any page and choose “Save passage to Glossa” from the context menu, press
          Alt+Shift+S, or use “Save passage” on a hover card.
        </p>
      )}
      {all && passages.length > 0 && shown.length === 0 && (
        <p class="muted" role="status">
          No passage matches these filters.
        </p>
      )}
      <p class="muted count" aria-live="polite">
        {all && passages.length > 0 ? `${shown.length} of ${passages.length} passages` : ''}
      </p>
      <div class="passages">
        {shown.map((p) => (
          <PassageItem
            key={p.id}
            passage={p}
            entryName={(k) => names.get(k)}
            onOpen={() =>
              void send({ type: 'openPassage', id: p.id }).catch((e: unknown) =>
                setNotice({ text: errorText(e), tone: 'error' }),
              )
            }
            onSave={(patch) =>
              send({ type: 'updatePassage', id: p.id, ...patch }).then(replace, (e: unknown) => {
                setNotice({ text: `Your change was not saved: ${errorText(e)}`, tone: 'error' });
                throw e;
              })
            }
            onDelete={() => void remove(p)}
          />
        ))}
      </div>
    </main>
  );
}
