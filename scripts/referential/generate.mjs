#!/usr/bin/env node
// Regenerates src/main/resources/referential/local-authorities.tsv.gz from the official
// administrative referential (COG) packaged by Etalab: npm package @etalab/decoupage-administratif.
//
// Usage: scripts/referential/generate.sh  (installs the pinned package in a temporary folder)
//    or: node scripts/referential/generate.mjs <path to the package's data folder> <output file>
//
// One line per collectivité, tab-separated, UTF-8, header first:
//   id type nature code name departmentCode regionCode postalCodes siren population
// postalCodes are space-separated. Empty fields are empty strings.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [dataDir, output] = process.argv.slice(2);
if (!dataDir || !output) {
  console.error('usage: generate.mjs <data folder of @etalab/decoupage-administratif> <output .tsv.gz>');
  process.exit(2);
}
const read = (name) => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
const regions = read('regions.json');
const departements = read('departements.json');
const communes = read('communes.json').filter((c) => c.type === 'commune-actuelle');
const epcis = read('epci.json');

// Overseas collectivities without an elected assembly cannot hold an account.
const WITHOUT_ASSEMBLY = new Set(['984', '989']); // TAAF, Clipperton

const rows = [];
const communeByCode = new Map(communes.map((c) => [c.code, c]));
const sum = (values) => values.reduce((a, b) => a + (b || 0), 0);

for (const r of regions.filter((r) => r.zone !== 'com')) {
  const members = communes.filter((c) => c.region === r.code);
  rows.push(['region-' + r.code, 'REGION', '', r.code, r.nom, '', r.code, '', '', sum(members.map((c) => c.population))]);
}
for (const d of departements.filter((d) => d.zone !== 'com')) {
  const members = communes.filter((c) => c.departement === d.code);
  rows.push(['department-' + d.code, 'DEPARTMENT', '', d.code, d.nom, d.code, d.region, '', '', sum(members.map((c) => c.population))]);
}
for (const r of regions.filter((r) => r.zone === 'com' && !WITHOUT_ASSEMBLY.has(r.code))) {
  const members = communes.filter((c) => c.collectiviteOutremer === r.code || c.departement === r.code);
  rows.push(['overseas-' + r.code, 'OVERSEAS_COLLECTIVITY', '', r.code, r.nom, r.code, '', '', '', sum(members.map((c) => c.population))]);
}
for (const c of communes) {
  const department = c.departement || c.collectiviteOutremer || '';
  rows.push(['commune-' + c.code, 'COMMUNE', '', c.code, c.nom, department, c.region || '',
    (c.codesPostaux || []).join(' '), c.siren || '', c.population ?? '']);
}
for (const e of epcis) {
  const members = e.membres.map((m) => communeByCode.get(m.code)).filter(Boolean);
  const count = new Map();
  for (const m of members) count.set(m.departement, (count.get(m.departement) || 0) + 1);
  const department = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] || '';
  const region = members.find((m) => m.departement === department)?.region || '';
  const postalCodes = [...new Set(members.flatMap((m) => m.codesPostaux || []))].sort();
  rows.push(['epci-' + e.code, 'EPCI', e.type, e.code, e.nom, department, region, postalCodes.join(' '), e.code,
    e.populationTotale ?? sum(e.membres.map((m) => m.populationTotale))]);
}

const clean = (v) => String(v ?? '').replace(/[\t\r\n]/g, ' ');
const header = 'id\ttype\tnature\tcode\tname\tdepartmentCode\tregionCode\tpostalCodes\tsiren\tpopulation';
const text = [header, ...rows.map((r) => r.map(clean).join('\t'))].join('\n') + '\n';
writeFileSync(output, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));

const counts = {};
for (const r of rows) counts[r[1]] = (counts[r[1]] || 0) + 1;
console.log(`wrote ${rows.length} collectivités to ${output}:`, counts);
