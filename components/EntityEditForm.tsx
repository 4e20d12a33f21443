import { useState } from 'preact/hooks';
import type { EntitySummary } from '@/lib/glossary/personal';
import { ENTRY_KINDS, type EntryKind } from '@/lib/glossary/schema';
import type { GlossaryEntryView } from '@/lib/messages';
import { t } from './i18n';
import { kindLabel } from './kind-labels';

export interface EntityEditFormProps {
  readonly entity: EntitySummary;
  /** The entity's first entry: the one the reader's changes are kept on. */
  readonly first?: GlossaryEntryView;
  onSave(patch: { name?: string; summary?: string; aliases?: string[]; kind?: EntryKind }): Promise<unknown>;
}

const parseList = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/**
 * Edits an entity's name, kind, other names and summary. Only what the reader changed is sent:
 * a name saved unchanged would still count as the reader's and outrank every source's.
 */
export function EntityEditForm({ entity, first, onSave }: EntityEditFormProps) {
  const initial = {
    name: entity.name,
    kind: entity.kind,
    aliases: (first?.aliases ?? []).join(', '),
    summary: first?.summary ?? '',
  };
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState<EntryKind>(initial.kind);
  const [aliases, setAliases] = useState(initial.aliases);
  const [summary, setSummary] = useState(initial.summary);
  const [status, setStatus] = useState('');

  const submit = (e: Event) => {
    e.preventDefault();
    const patch: { name?: string; summary?: string; aliases?: string[]; kind?: EntryKind } = {};
    if (name.trim() !== initial.name) patch.name = name.trim();
    if (kind !== initial.kind) patch.kind = kind;
    if (parseList(aliases).join('\u0000') !== parseList(initial.aliases).join('\u0000'))
      patch.aliases = parseList(aliases);
    if (summary.trim() !== initial.summary.trim()) patch.summary = summary.trim();
    if (Object.keys(patch).length === 0) {
      setStatus(t('editNothingChanged'));
      return;
    }
    setStatus(t('commonSaving'));
    void onSave(patch);
  };

  return (
    <form class="edit-form" onSubmit={submit} aria-labelledby="edit-title">
      <h3 id="edit-title">{t('editHeading')}</h3>
      <label class="field">
        {t('editName')}
        <input type="text" required maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        {t('editKind')}
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as EntryKind)}>
          {ENTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        {t('editOtherNames')} <span class="muted">{t('commonCommaSeparated')}</span>
        <input type="text" value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
      </label>
      <label class="field">
        {t('editSummary')}
        <textarea rows={3} maxLength={600} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="submit">{t('editSave')}</button>
        <span class="muted" role="status">
          {status}
        </span>
      </div>
    </form>
  );
}
