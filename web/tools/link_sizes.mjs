// Share-link sizes (issue 7's note and BENCHMARKS.md): for each preset, the fragment's length with
// nothing, 1, 40 and every adjustable lever changed (10% lower, whole numbers where the lever is one),
// made by the CLI: node web/tools/link_sizes.mjs build/native/src/cli/kizuna re-2010-japan ga-ge-controls-2023
import { execFileSync } from 'node:child_process';

const [kizuna, ...presets] = process.argv.slice(2);
if (!kizuna || presets.length === 0) {
  console.error('usage: node link_sizes.mjs PATH/TO/kizuna PRESET...');
  process.exit(2);
}

// Every lever but the timing ones (which must stay inside the horizon), moved 10% down within range.
function leverSets(preset) {
  const rows = execFileSync(kizuna, ['levers', preset], { encoding: 'utf8' }).trim().split('\n').slice(1);
  const sets = [];
  for (const row of rows) {
    const fields = row.trim().split(/\s+/);
    const path = fields[0];
    const [low, high, value] = fields.slice(-3).map((text) => (text === 'inf' ? Infinity : text === '-inf' ? -Infinity : Number(text)));
    if (path === 'horizonMonths' || /\.(start|duration)$/.test(path) || /\.enabled$/.test(path)) continue;
    let changed = value > 0 ? value * 0.9 : Math.min(high, low + 0.5);
    if (/Months|months/.test(path)) changed = Math.round(changed);
    changed = Math.max(low, Math.min(high, changed));
    if (changed !== value) sets.push(`${path}=${changed.toPrecision(6)}`);
  }
  return sets;
}

function linkLength(preset, sets) {
  try {
    return execFileSync(kizuna, ['link', 'encode', preset, ...sets.flatMap((set) => ['--set', set])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().length;
  } catch (error) {
    return `error: ${String(error.stderr).split('\n')[1]}`;
  }
}

for (const preset of presets) {
  const sets = leverSets(preset);
  const sizes = [0, 1, 40, sets.length].map((count) => `${count} levers: ${linkLength(preset, sets.slice(0, count))}`);
  console.log(`${preset}: ${sizes.join(', ')} characters`);
}
