/**
 * What the store holds, and adding to it: police.uk months by force, the partner datasets, and an
 * upload that imports a police.uk file (or a partner file) with its progress and the same report
 * `lantern import` prints.
 */
import { heldMonthsInWords } from '../../domain/held-months.js';
import { mayReadDataset, type Scope } from '../../domain/scope.js';
import type { DatasetListing } from '../../usecases/list-datasets.js';
import { permits, type RequestCaller } from '../caller.js';
import type { ServerContext } from '../context.js';
import { ANOTHER_USERS, seesImport } from '../imports.js';
import { run, type Choices } from './choices.js';
import { count, html, type Safe } from './html.js';

interface AreaListing {
  areas: {
    code: string;
    name: string;
    crime: number | null;
    asb: number | null;
    monthsHeld?: string[];
  }[];
  totalsOnly?: { code: string; name: string }[];
}

/**
 * What the Months column says of a dataset of which the caller is shown nothing held: "none held"
 * only where that is what their access shows; a dataset they see as totals only, or not at all,
 * is said to be so (what the store holds of it is not theirs to count).
 */
function nothingShown(scope: Scope, dataset: string): string {
  if (mayReadDataset(scope, dataset))
    return scope.datasetAreas === undefined ? 'none held' : 'none held in the areas you see';
  if ((scope.aggregateDatasets ?? []).includes(dataset))
    return 'totals only for your access: see Trends';
  return 'not open to your access';
}

export async function dataBody(
  ctx: ServerContext,
  choices: Choices,
  caller: RequestCaller | undefined,
): Promise<Safe> {
  const [forces, datasets] = await Promise.all([
    run<AreaListing>(ctx, 'areas', { type: ['force'] }),
    run<DatasetListing[]>(ctx, 'datasets', {}),
  ]);
  return html` <section aria-labelledby="police">
      <h2 id="police">police.uk records held</h2>
      ${
        forces.areas.length === 0 && ctx.scope.areas !== 'all'
          ? html`<p>
              Your access covers no whole force in detail, so the records each force holds are not
              counted
              here${
                forces.totalsOnly
                  ? html` (${forces.totalsOnly.map((f) => f.name).join(', ')}: totals only, by
                    category and month, in Trends and the Overview)`
                  : ''
              }.
            </p>`
          : forces.areas.length === 0
            ? html`<p>
                No police.uk data yet: upload a month's file below, or use
                <code>lantern fetch</code>.
              </p>`
            : html`<div class="table-wrap">
                  <table class="data">
                    <caption>
                      Street-level records by force (all months held)
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Force</th>
                        <th scope="col" class="num">Crimes</th>
                        <th scope="col" class="num">ASB</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${forces.areas.map(
                        (f) =>
                          html`<tr>
                            <th scope="row">${f.name}</th>
                            <td class="num">${count(f.crime)}</td>
                            <td class="num">${count(f.asb)}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
                ${forces.areas.map((f) =>
                  f.monthsHeld
                    ? html`<p>
                        ${forces.areas.length > 1 ? html`<strong>${f.name}</strong>: ` : ''}${heldMonthsInWords(
                          f.monthsHeld,
                        )}
                        A month not held is unknown, never counted as zero.
                      </p>`
                    : '',
                )}`
      }
    </section>
    <section aria-labelledby="partner">
      <h2 id="partner">Partner datasets</h2>
      <div class="table-wrap">
        <table class="data">
          <caption>
            Each partner dataset, who may see it, and what is held
          </caption>
          <thead>
            <tr>
              <th scope="col">Dataset</th>
              <th scope="col">Sensitivity</th>
              <th scope="col" class="num">Records</th>
              <th scope="col">Months</th>
            </tr>
          </thead>
          <tbody>
            ${datasets.map(
              (d) =>
                html`<tr>
                  <th scope="row">${d.label}${syntheticMark(d.held)}</th>
                  <td>${d.sensitivity}</td>
                  <td class="num">${d.held ? count(d.held.rows) : '–'}</td>
                  <td>
                    ${d.held ? `${d.held.from} to ${d.held.to}` : nothingShown(ctx.scope, d.name)}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>
    ${permits(caller ?? { kind: 'owner' }, 'import') ? uploadSection(ctx, choices, caller ?? { kind: 'owner' }) : ''}`;
}

/** The upload form, for those who may import (an analyst or admin, signed in; the owner). */
function uploadSection(ctx: ServerContext, choices: Choices, caller: RequestCaller): Safe {
  const running = ctx.writer.running;
  return html`<section aria-labelledby="upload">
    <h2 id="upload">Import a file</h2>
    <p>
      A police.uk download (the zip, or one month's CSV), or a partner's file (CSV, CSV.gz or XLSX)
      with its dataset named. Each file is checked before anything is kept: a file with a problem is
      refused whole, and the report says which line and field.
    </p>
    ${running ? html`<p class="notice note" role="status">An import is running now (${seesImport(caller, running.by) ? running.what : ANOTHER_USERS}, since ${running.since.toISOString().slice(11, 19)} UTC): a new one waits until it finishes.</p>` : ''}
    <form id="upload-form" method="post" action="/api/imports" enctype="multipart/form-data">
      <p>
        <label
          >Files <input type="file" name="file" multiple required accept=".zip,.csv,.gz,.xlsx"
        /></label>
      </p>
      <p>
        <label
          >Partner dataset (leave empty for police.uk files)
          <select name="dataset">
            <option value="">police.uk</option>
            ${choices.datasets
              // Only those the caller may import: a dataset their grants do not open is refused.
              .filter((d) => mayReadDataset(ctx.scope, d.dataset))
              .map((d) => html`<option value="${d.dataset}">${d.label}</option>`)}
          </select></label
        >
      </p>
      <p><button type="submit">Import</button></p>
    </form>
    <div id="upload-status" role="status" aria-live="polite"></div>
    <pre id="upload-report" hidden></pre>
  </section>`;
}

/**
 * "(SYNTHETIC)" for a dataset whose data held is all demonstration data; for one where a real
 * file sits beside the demo's, in how many districts (QA: a real Liverpool file was called
 * SYNTHETIC with the demo's Hertfordshire rows).
 */
function syntheticMark(held: DatasetListing['held']): Safe {
  if (!held?.synthetic) return html``;
  const some = held.syntheticDistricts.length;
  return some < held.districts.length
    ? html` <strong>(SYNTHETIC in ${some} of its ${held.districts.length} districts)</strong>`
    : html` <strong>(SYNTHETIC)</strong>`;
}
