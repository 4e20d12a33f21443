import { useRef } from 'preact/hooks';
import { t } from './i18n';
import { trusted } from './trusted';

export interface ToastProps {
  readonly message: string;
  readonly tone: 'info' | 'error';
  readonly action?: { readonly label: string; onClick(): void };
  onDismiss(): void;
  /**
   * Told when the reader starts or stops holding the toast: the pointer over it, or focus in it.
   * Whoever owns the toast's timer pauses it meanwhile (see pausable-timer), so Undo stays reachable.
   */
  onHold?(held: boolean): void;
}

/** A short notice at the bottom of the page: "Saved to your reading list · Undo". */
export function Toast({ message, tone, action, onDismiss, onHold }: ToastProps) {
  const state = useRef({ pointer: false, focus: false });
  const set = (what: 'pointer' | 'focus', value: boolean) => {
    state.current[what] = value;
    onHold?.(state.current.pointer || state.current.focus);
  };
  return (
    <div
      class={`toast ${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      onPointerEnter={() => set('pointer', true)}
      onPointerLeave={() => set('pointer', false)}
      onFocusCapture={() => set('focus', true)}
      onBlurCapture={(e) => {
        // Focus moving from one of its buttons to another stays in the toast.
        const to = e.relatedTarget as Node | null;
        if (!to || !e.currentTarget.contains(to)) set('focus', false);
      }}
    >
      <span>{message}</span>
      {action && (
        <button type="button" class="link" onClick={trusted(() => action.onClick())}>
          {action.label}
        </button>
      )}
      <button type="button" class="dismiss" aria-label={t('commonDismiss')} onClick={trusted(() => onDismiss())}>
        ×
      </button>
    </div>
  );
}
