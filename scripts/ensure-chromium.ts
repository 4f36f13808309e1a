/**
 * Browser tests drive Debian's Chromium. Install it when it is missing and we are root on Debian; otherwise stop
 * with one line that says what to install. (Tools that download their own browser do not work offline.)
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH } from '../tests/browser/chromium';

if (!existsSync(CHROMIUM_PATH)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`Browser tests need Chromium at ${CHROMIUM_PATH}: install it with "sudo apt-get install chromium".`);
    process.exit(1);
  }
  console.log('Chromium is missing: installing Debian\'s chromium package…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      console.error(`"apt-get ${args.join(' ')}" failed: install Chromium by hand ("apt-get install chromium").`);
      process.exit(1);
    }
  }
}
