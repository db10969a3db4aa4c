// Lighthouse on a list of pages, one Chromium for all: `node run.mjs jobs.json out.json`.
// jobs.json is [{"url": ..., "preset": "mobile" | "desktop"}, ...]; out.json gets, for each job,
// its scores (0-100), the metrics in milliseconds (CLS unitless), the bytes transferred (in all and
// by resource), and the audits that did not pass (id, title, score, displayValue) so a failing
// test can say why.
// CHROME_PATH names the browser (Debian's /usr/bin/chromium); nothing is downloaded.
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const [jobsFile, outFile] = process.argv.slice(2);
const jobs = JSON.parse(fs.readFileSync(jobsFile, 'utf8'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const METRICS = {
  'first-contentful-paint': 'fcp', 'largest-contentful-paint': 'lcp', 'total-blocking-time': 'tbt',
  'cumulative-layout-shift': 'cls', 'speed-index': 'si', 'interactive': 'tti',
};
const results = [];
try {
  for (const job of jobs) {
    const flags = {port: chrome.port, output: 'json', logLevel: 'error'};
    const config = job.preset === 'desktop' ? desktopConfig : undefined;
    const {lhr} = await lighthouse(job.url, flags, config);
    const scores = Object.fromEntries(
      Object.entries(lhr.categories).map(([id, c]) => [id, c.score === null ? null : Math.round(c.score * 100)]));
    const metrics = Object.fromEntries(
      Object.entries(METRICS).map(([audit, name]) => [name, lhr.audits[audit]?.numericValue ?? null]));
    // Audits that count (in a category, with a weight or not) and did not pass.
    const failing = [];
    for (const category of Object.values(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (audit.scoreDisplayMode === 'binary' || audit.scoreDisplayMode === 'numeric' || audit.scoreDisplayMode === 'metricSavings') {
          if (audit.score !== null && audit.score < 0.9) {
            failing.push({category: category.id, id: audit.id, title: audit.title, score: audit.score,
              weight: ref.weight, displayValue: audit.displayValue || ''});
          }
        }
      }
    }
    const items = lhr.audits['network-requests']?.details?.items || [];
    const bytes = items.reduce((sum, item) => sum + (item.transferSize || 0), 0);
    const resources = items.map((item) => ({url: item.url, bytes: item.transferSize || 0}));
    results.push({url: job.url, preset: job.preset, scores, metrics, bytes, requests: items.length, resources,
      failing, runWarnings: lhr.runWarnings, lighthouse: lhr.lighthouseVersion,
      axe: lhr.environment?.credits?.['axe-core'] || null});
  }
} finally {
  await chrome.kill();
}
fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
