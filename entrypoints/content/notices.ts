/** Short notices at the bottom of the page ("Saved to your reading list · Undo"). */
import { h, render } from 'preact';
import { startPausableTimer, type PausableTimer } from '@/components/pausable-timer';
import { Toast, type ToastProps } from '@/components/Toast';
import type { UiHost } from './ui-host';

const SHOW_MS = 6000;

export interface Notices {
  show(message: string, options?: { tone?: ToastProps['tone']; action?: ToastProps['action'] }): void;
  hide(): void;
}

export function createNotices(ui: () => UiHost): Notices {
  // The toast's timer: held while the pointer is over the toast or focus is in it.
  let timer: PausableTimer | undefined;
  const hide = () => {
    timer?.cancel();
    timer = undefined;
    render(null, ui().toastMount);
  };
  return {
    show(message, { tone = 'info', action } = {}) {
      timer?.cancel();
      const mine = startPausableTimer(SHOW_MS, hide);
      timer = mine;
      const onHold = (held: boolean) => mine.hold(held);
      render(h(Toast, { message, tone, action, onDismiss: hide, onHold }), ui().toastMount);
    },
    hide,
  };
}
