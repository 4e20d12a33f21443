import { trusted } from './trusted';

export interface ToastProps {
  readonly message: string;
  readonly tone: 'info' | 'error';
  readonly action?: { readonly label: string; onClick(): void };
  onDismiss(): void;
}

/** A short notice at the bottom of the page: "Saved to your reading list · Undo". */
export function Toast({ message, tone, action, onDismiss }: ToastProps) {
  return (
    <div class={`toast ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{message}</span>
      {action && (
        <button type="button" class="link" onClick={trusted(() => action.onClick())}>
          {action.label}
        </button>
      )}
      <button type="button" class="dismiss" aria-label="Dismiss" onClick={trusted(() => onDismiss())}>
        ×
      </button>
    </div>
  );
}
