// Writes src/main/resources/reference/zip-prefixes.csv: every three-digit ZIP prefix and the state (or territory,
// or military "state") of its five-digit ZIP codes, from the ZIP code list of the npm package zipcodes 8.0.0 (BSD
// license; its U.S. list is that of federalgovernmentzipcodes.us). A prefix whose codes lie in several states is
// written once per state. Run from the repository root:
//   (cd /tmp && npm pack zipcodes@8.0.0 && tar xzf zipcodes-8.0.0.tgz)
//   node ops/reference/zip-prefixes.js /tmp/package/lib/codes.js > src/main/resources/reference/zip-prefixes.csv
const codes = require(require('path').resolve(process.argv[2])).codes;
const prefixes = new Map();
for (const [zip, place] of Object.entries(codes)) {
  if (place.country !== 'US' || !/^\d{5}$/.test(zip)) continue;
  const prefix = zip.slice(0, 3);
  if (!prefixes.has(prefix)) prefixes.set(prefix, new Set());
  prefixes.get(prefix).add(place.state);
}
const lines = [
  '# Three-digit ZIP prefixes and the state of their ZIP codes. Source and date: README.md beside this file',
  '# (zipcodes 8.0.0, derived 2026-12-03 by ops/reference/zip-prefixes.js). One row per prefix and state.',
  'prefix,state',
];
for (const prefix of [...prefixes.keys()].sort()) {
  for (const state of [...prefixes.get(prefix)].sort()) lines.push(`${prefix},${state}`);
}
console.log(lines.join('\n'));
