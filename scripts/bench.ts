/**
 * `npm run bench`: measures Glossa side by side with baselines in one run. Filled in by the
 * detection work (scan time vs. a plain TreeWalker pass and mark.js).
 */
console.log('glossa bench: nothing to measure yet (term detection benchmarks arrive with the detection issue).');
