/**
 * Readability's readerable test on its own: importing the package's index would also bundle
 * the whole Readability parser (about 35 kB) into every page, for a function of 3 kB.
 */
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable as IsProbablyReaderable } from '@mozilla/readability';
  const isProbablyReaderable: typeof IsProbablyReaderable;
  export default isProbablyReaderable;
}
