import { useEffect, useState } from 'preact/hooks';
import { FileImport } from './FileImport';
import type { StoredPack } from '@/lib/db/database';
import type { BackgroundClient } from '@/lib/messages';
import { errorText, plural, t } from './i18n';
import { originLabel, ORIGIN_ORDER } from './origin-labels';

export interface GlossarySourcesProps {
  readonly send: BackgroundClient;
  download(name: string, type: string, text: string): void;
  /** Bumped after every change: the packs are read again. */
  readonly version: number;
  onChanged(message: string): void;
}

type Notice = { readonly text: string; readonly tone: 'info' | 'error' };

const entries = (n: number) => plural('countEntries', n);
const ADDED = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** What deleting a pack is called: only what the reader made (or imported) can go. */
function deleteLabel(pack: StoredPack): string | undefined {
  if (pack.origin === 'page') return t('sourcesDeleteBuilt');
  if (pack.origin === 'hand') return t('sourcesDeleteHand');
  if (pack.origin === 'user') return t('sourcesRemovePack');
  return undefined;
}

/**
 * Where the glossary comes from: every pack, by origin, each exported as a file in the
 * documented pack format; what the reader built or imported may be deleted; a pack file may be
 * imported. Deleting asks once more, in place: a second click, no dialog.
 */
export function GlossarySources({ send, download, version, onChanged }: GlossarySourcesProps) {
  const [packs, setPacks] = useState<StoredPack[] | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();

  useEffect(() => {
    let current = true;
    send({ type: 'listPacks' }).then(
      (list) => current && setPacks(list),
      (e: unknown) => current && setNotice({ text: errorText(e), tone: 'error' }),
    );
    return () => {
      current = false;
    };
  }, [send, version]);

  const exportPack = async (pack: StoredPack) => {
    try {
      const file = await send({ type: 'exportPack', id: pack.id });
      download(`${pack.id}.glossa-pack.json`, 'application/json', `${JSON.stringify(file, null, 2)}\n`);
    } catch (e) {
      setNotice({ text: t('commonNothingExported', errorText(e)), tone: 'error' });
    }
  };

  const remove = async (pack: StoredPack) => {
    setConfirming(undefined);
    try {
      const done =
        pack.origin === 'user'
          ? await send({ type: 'removePack', id: pack.id })
          : await send({ type: 'deleteBuiltPack', id: pack.id });
      if (!done) throw new Error(t('sourcesAlreadyGone', pack.title));
      setNotice(undefined);
      onChanged(t('sourcesDeleted', pack.title, entries(pack.entryCount)));
    } catch (e) {
      setNotice({ text: errorText(e), tone: 'error' });
    }
  };

  const importFile = async (file: File) => {
    let pack: unknown;
    try {
      pack = JSON.parse(await file.text());
    } catch (e) {
      // Said the way the background says an invalid pack, so both read alike.
      setNotice({ text: t('sourcesNotJson', file.name, errorText(e)), tone: 'error' });
      return;
    }
    try {
      const { entries: n, outcome } = await send({ type: 'importPack', pack });
      const title = (pack as { title?: unknown }).title;
      const text =
        typeof title === 'string'
          ? outcome === 'unchanged'
            ? t('sourcesUnchanged', title)
            : t(outcome === 'installed' ? 'sourcesImported' : 'sourcesUpdated', title, entries(n))
          : outcome === 'unchanged'
            ? t('sourcesUnchangedUntitled')
            : t(outcome === 'installed' ? 'sourcesImportedUntitled' : 'sourcesUpdatedUntitled', entries(n));
      setNotice({ text, tone: 'info' });
      onChanged(text);
    } catch (e) {
      setNotice({ text: t('commonNothingImported', errorText(e)), tone: 'error' });
    }
  };

  return (
    <section class="sources" aria-labelledby="sources-title">
      <header class="list-header">
        <h2 id="sources-title">{t('sourcesHeading')}</h2>
        <FileImport label={t('sourcesImport')} onFile={(file) => void importFile(file)} />
      </header>
      {notice && (
        <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {!packs && <p class="muted">{t('commonLoading')}</p>}
      {packs &&
        ORIGIN_ORDER.map((origin) => {
          const group = packs.filter((p) => p.origin === origin);
          if (group.length === 0) return null;
          return (
            <section key={origin} aria-labelledby={`sources-${origin}`}>
              <h3 id={`sources-${origin}`}>{originLabel(origin)}</h3>
              <ul class="packs">
                {group.map((pack) => {
                  const label = deleteLabel(pack);
                  return (
                    <li key={pack.id} class="pack">
                      <span class="pack-title">{pack.title}</span>
                      <span class="muted">
                        {pack.source.site ? `${pack.source.site} · ` : ''}
                        {entries(pack.entryCount)} · {t('sourcesAdded', ADDED.format(new Date(pack.installedAt)))}
                      </span>
                      <div class="row">
                        <button type="button" onClick={() => void exportPack(pack)}>
                          {t('commonExport')}
                          <span class="visually-hidden"> {t('commonQuoted', pack.title)}</span>
                        </button>
                        {label && confirming !== pack.id && (
                          <button type="button" class="danger" onClick={() => setConfirming(pack.id)}>
                            {label}
                          </button>
                        )}
                        {label && confirming === pack.id && (
                          <>
                            <span role="status">{t('sourcesConfirmDelete', entries(pack.entryCount), pack.title)}</span>
                            <button type="button" class="danger" onClick={() => void remove(pack)}>
                              {t('sourcesYesDelete')}
                            </button>
                            <button type="button" onClick={() => setConfirming(undefined)}>
                              {t('commonCancel')}
                            </button>
                          </>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
    </section>
  );
}
