/**
 * Only the reader acts: a page's script can dispatch synthetic clicks and key presses, and
 * `isTrusted` is false on every one of them. Glossa's buttons act on trusted input only.
 */
export function trusted<E extends Event>(act: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) act(event);
  };
}
