/** Short notices at the bottom of the page ("Saved to your reading list · Undo"). */
import { h, render } from 'preact';
import { Toast, type ToastProps } from '@/components/Toast';
import type { UiHost } from './ui-host';

const SHOW_MS = 6000;

export interface Notices {
  show(message: string, options?: { tone?: ToastProps['tone']; action?: ToastProps['action'] }): void;
  hide(): void;
}

export function createNotices(ui: () => UiHost): Notices {
  let timer: number | undefined;
  const hide = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    render(null, ui().toastMount);
  };
  return {
    show(message, { tone = 'info', action } = {}) {
      if (timer !== undefined) clearTimeout(timer);
      render(h(Toast, { message, tone, action, onDismiss: hide }), ui().toastMount);
      timer = window.setTimeout(hide, SHOW_MS);
    },
    hide,
  };
}
