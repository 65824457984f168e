// The headline and honest comparisons in the browser: the strip of big figures says what summary()
// and the chart say (at 1280x720 and 1024x768), a framework preset opens compared with itself
// without the framework, loading a preset resets the comparison, and A vs B on other shocks is
// warned by name. Screenshots go to the system's temporary folder for the record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, serveSite, openPage, waitUntilRunning, frames } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

// The headline's numbers against the chart's series of its subject, and its words against the chart's own.
function assertHeadlineMatchesChart(summary, chart) {
  const h = summary.headline;
  assert.equal(chart.good, h.good, 'the chart opens on the headline subject');
  const line = chart.series.find((s) => s.id === h.region);
  assert.ok(line, `the chart draws ${h.region}`);
  // The first month within rounding of the lowest: a level held for months (at a reserve's trigger,
  // 0.98 then 0.97999999999999998) is told from the month it is first reached.
  const min = Math.min(...line.values);
  const first = line.values.findIndex((v) => v < min + 1e-9);
  assert.equal(h.worstShare, line.values[first]);
  assert.equal(first, h.worstMonth);
  assert.equal(summary.metrics.worstFulfilment, h.worstShare, 'summary() agrees');
  const worst = h.figures.find((f) => f.id === 'worst');
  assert.equal(worst.value, line.text[h.worstMonth], 'the figure is the chart read-out');
  assert.ok(h.figures.some((f) => f.id === 'loss'), 'value lost is shown');
  if (h.recoveryMonth >= 0) {
    assert.ok(line.values.slice(h.recoveryMonth).every((v) => v >= 0.99), 'recovered means it stays above 99%');
  }
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test(`the headline matches summary() and the chart at ${viewport.width}x${viewport.height}`, async () => {
    const { page, context, consoleErrors } = await openPage(browser, site.url, { viewport });
    await waitUntilRunning(page, 3);
    const { summary, chart, rect } = await page.evaluate(() => ({
      summary: window.kizuna.summary(), chart: window.kizuna.chart(), rect: window.kizuna.uiRect('headline') }));
    assertHeadlineMatchesChart(summary, chart);
    assert.ok(rect && rect.width > 0 && rect.height > 0, 'the strip is drawn');
    await page.screenshot({ path: join(tmpdir(), `kizuna-headline-${viewport.width}x${viewport.height}.png`) });
    await page.evaluate(() => window.kizuna.setLanguage?.('ja'));
    await frames(page, 3);
    await page.screenshot({ path: join(tmpdir(), `kizuna-headline-${viewport.width}x${viewport.height}-ja.png`) });
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
}

test('a framework preset compares with "without this framework" by default; a load resets the comparison', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate(() => window.kizuna.loadPreset('us-jp-steering-committee')), []);
  await frames(page, 2);
  let summary = await page.evaluate(() => window.kizuna.summary());
  assert.equal(summary.comparison, 'withoutFrameworks');
  assert.equal(summary.headline.b, 'Without this framework');
  const difference = summary.headline.figures.find((f) => f.id === 'difference');
  assert.ok(difference, 'the difference is a headline figure');
  assert.ok(difference.caption.includes(summary.headline.a) && difference.caption.includes(summary.headline.b), difference.caption);
  assertHeadlineMatchesChart(summary, await page.evaluate(() => window.kizuna.chart()));
  const legend = (await page.evaluate(() => window.kizuna.chart())).series.at(-1);
  assert.ok(legend.name.startsWith('Without this framework'), `B is named in the chart: ${legend.name}`);
  // Compared with another preset, then that preset loaded: not compared with itself.
  assert.deepEqual(await page.evaluate(() => window.kizuna.compareWith('g7-critical-minerals')), []);
  assert.deepEqual(await page.evaluate(() => window.kizuna.loadPreset('g7-critical-minerals')), []);
  summary = await page.evaluate(() => window.kizuna.summary());
  assert.equal(summary.comparison, 'withoutFrameworks');
  assert.deepEqual(await page.evaluate(() => window.kizuna.loadPreset('re-2010-japan')), []);
  assert.equal((await page.evaluate(() => window.kizuna.summary())).comparison, 'noEvents');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('A vs B on other shocks is warned by name, in the headline', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate(() => window.kizuna.loadPreset('us-jp-steering-committee')), []);
  assert.deepEqual(await page.evaluate(() => window.kizuna.compareWith('re-2010-japan')), []);
  await frames(page, 2);
  const { headline } = await page.evaluate(() => window.kizuna.summary());
  assert.match(headline.warning, /different shocks/);
  assert.ok(headline.warning.includes(headline.b), `B is named: ${headline.warning}`);
  await page.screenshot({ path: join(tmpdir(), 'kizuna-headline-warning.png') });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
