/// <reference types="node" />
/**
 * `paper-corpus index`: writes a chunked search index of a corpus with Pagefind (an engine made
 * for static hosting), so that a site with hundreds of thousands of papers can be searched in the
 * browser while downloading only the index chunks and result fragments a query needs, never the
 * corpus. `src/components/paper-feed/pagefind.ts` queries it.
 *
 *   paper-corpus index papers.json -o public/pagefind
 *
 * Pagefind is an optional peer dependency (`npm install --save-dev pagefind`): its Node API runs
 * the Pagefind binary (package `@pagefind/<platform>`) as a service. Each paper is one custom
 * record:
 * - `content`: the text the in-page engine searches (title, authors, organization, venue, tags
 *   and keywords, abstract, summary, arXiv id, DOI);
 * - `meta.title`: the title (Pagefind ranks title matches higher);
 * - `url`: `#paper-feed:` followed by the normalized paper as JSON. Pagefind stores the URL in
 *   the paper's fragment and does not index it (every metadata field is indexed, so a JSON
 *   metadata field would make "https", "github" or "upvotes" match nearly every paper and grow the
 *   word index by half). The browser adapter parses it and normalizes it again;
 * - `filters`: year, type, `has` (code, pdf, abstract, project, video, doi, arxiv); on request
 *   (`--filters`), the folded words of the tags and keywords, organizations and affiliations, venue
 *   and author names (what `tag:`, `org:`, `venue:` and `author:` then match exactly; see
 *   `DEFAULT_INDEX_FILTERS` for why they are not written by default);
 * - `paper-feed-index.json` next to Pagefind's files: the paper count, the filters written and the
 *   order of the records (newest first).
 * - `sort`: `date` (listed, else published), for newest-first lists.
 */
import { CliUsageError, commandFailed, loadInputs, parseCommandArgs, stringFlag, type CommandArgs } from './args.js';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sortPapers } from '../data/sort.js';
import { tokenize } from '../data/search/tokenize.js';
import { hasValue, paperYear } from '../data/search/filters.js';
import { HAS_KEYS } from '../data/search/query.js';
import { CORPUS_FORMATS, type CorpusFormat, type Paper } from '../data/types.js';

/** The prefix of a record URL that carries the paper (see the module comment). */
export const PAPER_URL_PREFIX = '#paper-feed:';

/** Filters the command can write, in this order. */
export const INDEX_FILTERS = ['year', 'type', 'has', 'tag', 'org', 'venue', 'author'] as const;
export type IndexFilter = (typeof INDEX_FILTERS)[number];

/**
 * Filters written by default: the ones with few values. Once a query has used a filter, Pagefind
 * counts its values over the results of every later query in that page, which is slow for filters
 * with many values: at 100,000 papers "reinforcement learning" took 0.3 s, 1.4 s after a year
 * filter, 10 s after a tag filter and 29 s after an author filter. Without them, `tag:`, `org:`,
 * `venue:` and `author:` search their words in all the text.
 */
export const DEFAULT_INDEX_FILTERS: readonly IndexFilter[] = ['year', 'type', 'has'];

/** The file `paper-corpus index` writes next to Pagefind's, read by the browser adapter. */
export const INDEX_MANIFEST = 'paper-feed-index.json';

export const INDEX_HELP = `Usage: paper-corpus index <inputs...> -o <dir> [options]

Writes a chunked search index of the papers with Pagefind into <dir>, for corpora too large to
download whole (tens of thousands of papers and more): serve <dir> with the site and point the
feed at it. The browser then fetches only the index chunks and the result fragments a query needs.
Inputs are read in any supported format and merged like convert does. <dir> is replaced when it
already holds a Pagefind bundle; any other non-empty folder is refused.

Each paper is one record: its text (title, authors, organization, venue, tags, abstract, ids) is
indexed, the paper itself travels in the record so the browser never needs the corpus, and
filters are written for year:, has: and the paper type (see --filters).

Requires Pagefind (an optional peer dependency): npm install --save-dev pagefind

Options:
  -o, --output <dir>    Where to write the bundle (required), e.g. public/pagefind
  --filters <list>      Filters to write, comma-separated, from ${INDEX_FILTERS.join(',')}
                        (default: ${DEFAULT_INDEX_FILTERS.join(',')}; "none" writes none). Without
                        a filter, its query prefix (author: …) searches its words in all the text.
                        Filters with many values (tag, org, venue, author) slow down every query
                        made after one has used them (seconds per query at 100,000 papers)
  --language <code>     Language of the word index (default: en)
  --max-fragments <n>   Write at most about <n> fragment files, grouping papers in shared files
                        (for hosts that limit the number of files; a result then downloads its
                        whole group). Default: one file per paper
  -f, --format <name>   Force the input format (${CORPUS_FORMATS.join(', ')})
  -q, --quiet           No summary on standard error`;

const VALUE_FLAGS = new Set(['--output', '--filters', '--language', '--format', '--max-fragments']);
const BOOLEAN_FLAGS = new Set(['--quiet', '--help']);
const ALIASES: Record<string, string> = { '-o': '--output', '-f': '--format', '-q': '--quiet', '-h': '--help' };

/** Parses the arguments; `argv` may start with the command word `index`, which is skipped. */
export function parseIndexArgs(argv: readonly string[]): CommandArgs {
  return parseCommandArgs(argv, 'index', { values: VALUE_FLAGS, booleans: BOOLEAN_FLAGS, aliases: ALIASES });
}

function filtersOption(args: CommandArgs): Set<IndexFilter> {
  const value = stringFlag(args, '--filters');
  if (value === undefined) return new Set(DEFAULT_INDEX_FILTERS);
  if (value.trim() === 'none') return new Set();
  const out = new Set<IndexFilter>();
  for (const name of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(INDEX_FILTERS as readonly string[]).includes(name)) throw new CliUsageError(`Unknown filter "${name}". Filters: ${INDEX_FILTERS.join(', ')} (or none).`);
    out.add(name as IndexFilter);
  }
  if (!out.size) throw new CliUsageError('--filters needs a comma-separated list of filters (or none).');
  return out;
}

function inputFormat(args: CommandArgs): CorpusFormat | 'auto' {
  const f = stringFlag(args, '--format');
  if (f === undefined || f === 'auto') return 'auto';
  if ((CORPUS_FORMATS as readonly string[]).includes(f)) return f as CorpusFormat;
  throw new CliUsageError(`Unknown format "${f}". Known formats: ${CORPUS_FORMATS.join(', ')}.`);
}

/** Distinct folded words of some values. */
function words(values: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const v of values) if (v) for (const w of tokenize(v, false)) out.add(w);
  return [...out];
}

/** The text Pagefind indexes for a paper: the fields the in-page engine searches. */
export function recordContent(p: Paper): string {
  return [
    p.title,
    p.authors?.map((a) => a.name).join(', '),
    [p.organization?.name, p.organization?.fullName].filter(Boolean).join(', '),
    p.venue,
    [...(p.tags ?? []), ...(p.keywords ?? [])].join(', '),
    p.abstract,
    p.summary,
    [p.arxivId, p.doi].filter(Boolean).join(' '),
  ]
    .filter((s): s is string => !!s)
    .join('\n');
}

/** The filters of a paper (only the kinds in `which`; empty values left out). */
export function recordFilters(p: Paper, which: ReadonlySet<IndexFilter>): Record<string, string[]> {
  const all: Record<IndexFilter, () => string[]> = {
    year: () => {
      const y = paperYear(p);
      return y === undefined ? [] : [String(y)];
    },
    type: () => (p.type ? [p.type] : []),
    has: () => HAS_KEYS.filter((k) => hasValue(p, k)),
    tag: () => words([...(p.tags ?? []), ...(p.keywords ?? [])]),
    org: () => words([p.organization?.name, p.organization?.fullName, ...(p.authors ?? []).map((a) => a.affiliation)]),
    venue: () => words([p.venue]),
    author: () => words((p.authors ?? []).map((a) => a.name)),
  };
  const out: Record<string, string[]> = {};
  for (const key of INDEX_FILTERS) {
    if (!which.has(key)) continue;
    const values = all[key]();
    if (values.length) out[key] = values;
  }
  return out;
}

/** The sort keys of a paper: `date` (listed, else published; `0000` without either). */
export function recordSort(p: Paper): Record<string, string> {
  // One key only: every sort key adds about 3 bytes per paper to the metadata file each visitor
  // downloads before the first query.
  // Pagefind leaves a record without the key out of sorted results: undated papers sort last.
  return { date: p.listed ?? p.published ?? '0000' };
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Empties `dir` when it holds an earlier bundle; refuses a non-empty folder that is not one. */
async function prepareOutput(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  if (!entries.length) return;
  if (!entries.includes('pagefind-entry.json')) {
    throw new CliUsageError(`${dir} is not empty and does not hold a Pagefind bundle: choose an empty or new folder.`);
  }
  await rm(dir, { recursive: true, force: true });
}

type PagefindModule = typeof import('pagefind');

async function loadPagefind(): Promise<PagefindModule | undefined> {
  try {
    return await import('pagefind');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

const NOT_INSTALLED = `paper-corpus: index needs Pagefind, which is not installed.
Install it next to paper-feed-elements, then run the command again:
  npm install --save-dev pagefind`;

/**
 * Runs `paper-corpus index` with the raw arguments (the command word may come first). Returns the
 * exit status: 0 written, 1 nothing could be read or Pagefind failed (or is missing), 2 usage error.
 */
export async function indexCommand(
  argv: readonly string[],
  io: { out?: (text: string) => void; err?: (line: string) => void } = {},
): Promise<number> {
  const out = io.out ?? ((text: string) => process.stdout.write(text));
  const err = io.err ?? ((line: string) => process.stderr.write(line + '\n'));
  try {
    const args = parseIndexArgs(argv);
    if (args.flags.has('--help')) {
      out(INDEX_HELP + '\n');
      return 0;
    }
    const output = stringFlag(args, '--output');
    if (output === undefined || !output.trim()) throw new CliUsageError('index needs -o <dir>, the folder to write the bundle to.');
    if (!args.inputs.length) throw new CliUsageError('index needs at least one input file (or - for standard input).');
    const filters = filtersOption(args);
    const language = stringFlag(args, '--language') ?? 'en';
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) throw new CliUsageError(`--language needs a language code like "en", got "${language}".`);
    const maxFragmentsFlag = stringFlag(args, '--max-fragments');
    const maxFragments = maxFragmentsFlag === undefined ? undefined : Number(maxFragmentsFlag);
    if (maxFragments !== undefined && (!Number.isInteger(maxFragments) || maxFragments < 1)) throw new CliUsageError('--max-fragments needs a positive whole number.');
    const forced = inputFormat(args);
    const quiet = args.flags.has('--quiet');

    const pagefind = await loadPagefind();
    if (!pagefind) {
      err(NOT_INSTALLED);
      return 1;
    }

    const started = Date.now();
    const inputs = await loadInputs(args.inputs, forced, err);
    if (!inputs) return 1;
    const { rejected } = inputs;
    // Newest first, as the feed sorts: Pagefind lists the records of a query without words in the
    // order they were added, so that order is newest first at no cost in the browser (sorting by
    // the `date` key there took 12.7 s for 100,000 papers, the unsorted list 0.4 s).
    const papers = sortPapers(inputs.papers);
    await prepareOutput(output);

    let created;
    try {
      created = await pagefind.createIndex({ forceLanguage: language, ...(maxFragments ? { maxFragments } : {}) });
    } catch (e) {
      err(`paper-corpus: Pagefind could not start (is its binary package, @pagefind/${process.platform}-${process.arch}, installed?): ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
    const { index, errors } = created;
    if (!index) {
      err(`paper-corpus: Pagefind could not create an index: ${errors.join('; ')}`);
      return 1;
    }
    try {
      let done = 0;
      // A few records in flight at a time: the service answers in order, and awaiting each one
      // alone would wait a round trip per paper.
      const BATCH = 64;
      for (let i = 0; i < papers.length; i += BATCH) {
        const batch = papers.slice(i, i + BATCH);
        const responses = await Promise.all(
          batch.map((p) =>
            index.addCustomRecord({
              url: PAPER_URL_PREFIX + JSON.stringify(p),
              content: recordContent(p),
              language,
              meta: { title: p.title },
              filters: recordFilters(p, filters),
              sort: recordSort(p),
            }),
          ),
        );
        for (const [j, r] of responses.entries()) {
          if (r.errors.length) throw new Error(`paper ${batch[j]?.id ?? i + j}: ${r.errors.join('; ')}`);
        }
        done += batch.length;
        if (!quiet && papers.length >= 20000 && (done % 20000 < BATCH || done === papers.length)) err(`Indexed ${done}/${papers.length} papers…`);
      }
      await mkdir(output, { recursive: true });
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length) throw new Error(written.errors.join('; '));
      const manifest = { format: 'paper-feed-index', version: 1, papers: papers.length, filters: INDEX_FILTERS.filter((f) => filters.has(f)), language, order: 'newest' };
      await writeFile(join(output, INDEX_MANIFEST), JSON.stringify(manifest) + '\n');
    } finally {
      await index.deleteIndex().catch(() => null);
      await pagefind.close().catch(() => null);
    }
    const size = await folderSize(output);
    if (!quiet) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      err(
        `Indexed ${papers.length} papers into ${output}: ${size.files} files, ${size.bytes} bytes (${(size.bytes / 2 ** 20).toFixed(1)} MB) in ${seconds} s` +
          `${rejected ? `; ${rejected} records could not be read` : ''}. Filters: ${filters.size ? [...filters].join(', ') : 'none'}.`,
      );
    }
    return 0;
  } catch (e) {
    return commandFailed(e, 'paper-corpus index --help', err);
  }
}
