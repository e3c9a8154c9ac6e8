#!/usr/bin/env node
// Regenerates src/main/resources/security/common-passwords.txt.gz: the most common passwords
// (list of @zxcvbn-ts/language-common, MIT), lower-cased, one per line, most common first.
// Usage: scripts/security/generate-common-passwords.sh
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const [packageDir, output] = process.argv.slice(2);
const { default: passwords } = await import(pathToFileURL(`${packageDir}/dist/passwords.json.mjs`));
const unique = [...new Set(passwords.map((p) => p.toLowerCase()))];
writeFileSync(output, gzipSync(Buffer.from(unique.join('\n') + '\n', 'utf8'), { level: 9 }));
console.log(`wrote ${unique.length} common passwords to ${output}`);
