#!/usr/bin/env node
/// <reference types="node" />
/**
 * `paper-corpus`: converts, validates and summarizes paper corpora from the command line, with
 * the same importers the elements use in the browser.
 *
 *   paper-corpus convert <inputs...> [-o corpus.json]   any mix of formats → one native corpus
 *   paper-corpus validate <file>                         exit 0 only for a valid native corpus
 *   paper-corpus stats <file>                            counts by year, type, tag, organization
 *   paper-corpus feed <corpus> --format rss|atom|json    newest papers as an RSS, Atom or JSON feed
 *   paper-corpus render <corpus> [-o feed.html]          static HTML (Lit SSR) + JSON-LD, Scholar pages
 *   paper-corpus index <inputs...> -o <dir>              chunked Pagefind search index for large corpora
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { loadCorpusText } from '../data/parse.js';
import { mergeCorpora, type LoadedResult } from '../data/merge.js';
import { RecordContext, isRecord, normalizePaper } from '../data/normalize.js';
import { facetCounts } from '../data/filter.js';
import { CORPUS_FORMATS, type Corpus, type CorpusFormat, type CorpusProblem, type Paper } from '../data/types.js';
import { FEED_HELP, feedCommand } from './feed.js';
import { RENDER_HELP, renderCommand } from './render.js';
import { INDEX_HELP, indexCommand } from './index-pagefind.js';
import { CliUsageError, commandFailed } from './args.js';

const VERSION = '0.1.0';

const HELP: Partial<Record<string, string>> = {
  main: `Usage: paper-corpus <command> [options]

Commands:
  convert <inputs...>   Read files or folders in any supported format, merge and de-duplicate
                        them, and write one corpus in our native format.
  validate <file>       Check that a file is a valid native corpus (exit status 0 only then).
  stats <file>          Count papers by year, type, tag and organization (any format).
  feed <corpus>         Write the newest papers as an RSS 2.0, Atom 1.0 or JSON Feed 1.1 feed.
  render <corpus>       Write static HTML of the feed (server-rendered cards, schema.org JSON-LD)
                        and, with --pages, a page per paper with Google Scholar meta tags.
  index <inputs...>     Write a chunked search index (Pagefind) that the feed queries without
                        downloading the corpus: for corpora of tens of thousands of papers and more.

Options:
  -h, --help            Show help (also: paper-corpus <command> --help)
  -v, --version         Show the version

Formats read: native JSON, Hugging Face API responses, BibTeX/BibLaTeX, CSL-JSON, arXiv Atom,
arXiv listing JSON Lines and the Kaggle arXiv snapshot, detected from content.`,
  convert: `Usage: paper-corpus convert <inputs...> [-o corpus.json] [options]

Reads every input (files, or folders searched for .json .jsonl .bib .xml .atom files), merges the
papers by arXiv id, DOI and normalized title keeping the richest fields, and writes one corpus in
our native format (to standard output without -o). A summary goes to standard error.

Options:
  -o, --output <file>   Where to write the corpus (default: standard output)
  -f, --format <name>   Force the input format (${CORPUS_FORMATS.join(', ')})
  --base-url <url>      Resolve relative links (al-folio pdf/preview fields) against this URL
  --title <text>        Title of the corpus
  --compact             Write JSON without indentation
  -q, --quiet           No progress or summary on standard error`,
  validate: `Usage: paper-corpus validate <file>

Checks that <file> is a corpus in our native format (schema/corpus.schema.json): valid JSON, the
"format": "paper-feed" and "version": 1 markers, and every paper with a usable title and fields of
the right type (http(s) URLs, ISO dates, non-negative counts, known types). Prints every problem
with its place and exits with status 1 if there is any, 0 otherwise.`,
  stats: `Usage: paper-corpus stats <file> [--json] [--top <n>]

Reads <file> in any supported format and prints the number of papers and their counts by year,
type, tag and organization.

Options:
  --json                Print the counts as JSON
  --top <n>             How many values to list per count (default: 10)`,
  feed: FEED_HELP,
  render: RENDER_HELP,
  index: INDEX_HELP,
};

const UsageError = CliUsageError;

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['-o', '--output', '-f', '--format', '--base-url', '--title', '--top']);
const ALIASES: Record<string, string> = { '-o': '--output', '-f': '--format', '-q': '--quiet', '-h': '--help', '-v': '--version' };

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const [rawName, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      const name = ALIASES[rawName] ?? rawName;
      if (VALUE_FLAGS.has(rawName) || VALUE_FLAGS.has(name)) {
        const value = inline ?? (i + 1 < argv.length ? argv[++i] : undefined);
        if (value === undefined) throw new UsageError(`${rawName} needs a value.`);
        flags.set(name, value);
      } else {
        flags.set(name, true);
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

const INPUT_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson', '.bib', '.bibtex', '.xml', '.atom']);

/** Expands folders into the corpus files they hold (sorted, recursively). */
async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push(input);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new UsageError(`No such file or folder: ${input}`);
    }
    if (info.isDirectory()) {
      const entries = (await readdir(input, { recursive: true })).sort();
      for (const entry of entries) {
        const path = join(input, entry);
        if (INPUT_EXTENSIONS.has(extname(entry).toLowerCase()) && (await stat(path)).isFile()) out.push(path);
      }
    } else {
      out.push(input);
    }
  }
  return out;
}

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function formatOption(flags: Args['flags']): CorpusFormat | 'auto' {
  const f = flags.get('--format');
  if (f === undefined || f === true) return 'auto';
  if (f === 'auto' || (CORPUS_FORMATS as readonly string[]).includes(f)) return f as CorpusFormat | 'auto';
  throw new UsageError(`Unknown format "${f}". Known formats: ${CORPUS_FORMATS.join(', ')}.`);
}

function describeProblem(p: CorpusProblem): string {
  const where = [p.index !== undefined ? `#${p.index + 1}` : '', p.id ? `(${p.id})` : '', p.field ?? ''].filter(Boolean).join(' ');
  return `${where ? `${where}: ` : ''}${p.reason}`;
}

function jsonString(value: unknown, compact: boolean): string {
  return JSON.stringify(value, null, compact ? 0 : 2) + '\n';
}

async function convert(args: Args, err: (line: string) => void): Promise<number> {
  const inputs = await expandInputs(args.positional);
  if (!inputs.length) throw new UsageError('convert needs at least one input file or folder.');
  const quiet = args.flags.has('--quiet');
  const format = formatOption(args.flags);
  const baseUrl = typeof args.flags.get('--base-url') === 'string' ? (args.flags.get('--base-url') as string) : undefined;
  const loaded: LoadedResult[] = [];
  const rejected = new Map<string, number>();
  const rows: string[] = [];
  let read = 0;
  let failedFiles = 0;
  const progress = !quiet && inputs.length > 20;
  for (const [i, path] of inputs.entries()) {
    if (progress && (i % 25 === 0 || i === inputs.length - 1)) err(`Reading ${i + 1}/${inputs.length}: ${path}`);
    const result = await loadCorpusText(await readInput(path), { format, baseUrl, fileName: basename(path) });
    if (!result.ok) {
      failedFiles++;
      rows.push(`  ${path}: not read — ${result.message}`);
      continue;
    }
    read += result.total;
    loaded.push(result);
    const errors = result.problems.filter((p) => p.severity === 'error');
    for (const p of errors) rejected.set(p.reason, (rejected.get(p.reason) ?? 0) + 1);
    rows.push(`  ${path}: ${result.format}, ${result.papers.length} of ${result.total} kept${errors.length ? `, ${errors.length} rejected` : ''}`);
    for (const p of errors.slice(0, 3)) rows.push(`      ${describeProblem(p)}`);
    if (errors.length > 3) rows.push(`      … and ${errors.length - 3} more`);
  }
  const merged = mergeCorpora(loaded);
  const corpus: Corpus = { format: 'paper-feed', version: 1, papers: merged.papers };
  const title = args.flags.get('--title');
  if (typeof title === 'string') corpus.title = title;
  const text = jsonString(corpus, args.flags.has('--compact'));
  const output = args.flags.get('--output');
  if (typeof output === 'string') await writeFile(output, text);
  else process.stdout.write(text);
  if (!quiet) {
    err(rows.join('\n'));
    const rejectedTotal = [...rejected.values()].reduce((a, b) => a + b, 0);
    err(
      `Read ${read} records from ${inputs.length - failedFiles} of ${inputs.length} files; kept ${merged.papers.length} papers (${merged.merged} merged as duplicates, ${rejectedTotal} rejected)${typeof output === 'string' ? `; wrote ${output}` : ''}.`,
    );
    if (rejected.size) {
      err('Rejected, by reason:');
      for (const [reason, n] of [...rejected].sort((a, b) => b[1] - a[1])) err(`  ${n} × ${reason}`);
    }
  }
  return failedFiles === inputs.length ? 1 : 0;
}

/** Strict check of our native format; returns the problems found. */
export function validateNative(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return [`not valid JSON: ${e instanceof Error ? e.message : String(e)}`];
  }
  const problems: string[] = [];
  if (!isRecord(value)) return [`expected a JSON object with "format", "version" and "papers", found ${Array.isArray(value) ? 'a list' : typeof value}`];
  if (value.format !== 'paper-feed') problems.push(`format: expected "paper-feed", found ${JSON.stringify(value.format)}`);
  if (value.version !== 1) problems.push(`version: expected 1, found ${JSON.stringify(value.version)}`);
  if (!Array.isArray(value.papers)) {
    problems.push('papers: missing or not a list');
    return problems;
  }
  const ids = new Map<string, number>();
  value.papers.forEach((raw, index) => {
    const ctx = new RecordContext(index);
    const paper = normalizePaper(raw, ctx);
    for (const p of ctx.problems) problems.push(`papers[${index}]${p.field ? `.${p.field}` : ''}: ${p.reason}`);
    if (!paper) return;
    if (isRecord(raw) && (typeof raw.id !== 'string' || !raw.id.trim())) problems.push(`papers[${index}].id: missing (every paper needs a non-empty string id)`);
    const first = ids.get(paper.id);
    if (paper.id && first !== undefined) problems.push(`papers[${index}].id: "${paper.id}" repeats papers[${first}].id`);
    else if (paper.id) ids.set(paper.id, index);
  });
  return problems;
}

async function validate(args: Args, out: (line: string) => void): Promise<number> {
  const [file, ...rest] = args.positional;
  if (!file || rest.length) throw new UsageError('validate takes exactly one file.');
  let text: string;
  try {
    text = await readInput(file);
  } catch {
    throw new UsageError(`No such file: ${file}`);
  }
  const problems = validateNative(text);
  if (problems.length) {
    out(`${file}: not a valid corpus (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
    for (const p of problems.slice(0, 200)) out(`  ${p}`);
    if (problems.length > 200) out(`  … and ${problems.length - 200} more`);
    return 1;
  }
  const count = (JSON.parse(text) as { papers: unknown[] }).papers.length;
  out(`${file}: valid corpus, ${count} papers.`);
  return 0;
}

function counts(papers: Paper[], top: number) {
  return {
    papers: papers.length,
    withAbstract: papers.filter((p) => p.abstract).length,
    withAuthors: papers.filter((p) => p.authors?.length).length,
    withCode: papers.filter((p) => p.links?.code).length,
    year: facetCounts(papers, 'year', top),
    type: facetCounts(papers, 'type', top),
    tag: facetCounts(papers, 'tag', top),
    organization: facetCounts(papers, 'organization', top),
  };
}

async function stats(args: Args, out: (line: string) => void): Promise<number> {
  const [file, ...rest] = args.positional;
  if (!file || rest.length) throw new UsageError('stats takes exactly one file.');
  const topFlag = args.flags.get('--top');
  const top = typeof topFlag === 'string' ? Number(topFlag) : 10;
  if (!Number.isInteger(top) || top < 1) throw new UsageError('--top needs a positive whole number.');
  let text: string;
  try {
    text = await readInput(file);
  } catch {
    throw new UsageError(`No such file: ${file}`);
  }
  const result = await loadCorpusText(text, { format: formatOption(args.flags), fileName: basename(file) });
  if (!result.ok) {
    process.stderr.write(`paper-corpus: ${file}: ${result.message}\n`);
    return 1;
  }
  const c = counts(result.papers, top);
  if (args.flags.has('--json')) {
    out(JSON.stringify({ format: result.format, total: result.total, ...c }, null, 2));
    return 0;
  }
  out(`${file}: ${result.format}, ${c.papers} papers (${result.total} records)`);
  out(`  with abstract: ${c.withAbstract}, with authors: ${c.withAuthors}, with code: ${c.withCode}`);
  for (const key of ['year', 'type', 'tag', 'organization'] as const) {
    const values = c[key];
    out(`By ${key}:${values.length ? '' : ' (none)'}`);
    const width = Math.max(...values.map((v) => v.value.length), 4);
    for (const v of values) out(`  ${v.value.padEnd(width)}  ${v.count}`);
  }
  return 0;
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(line + '\n');
  const err = (line: string) => process.stderr.write(line + '\n');
  try {
    const args = parseArgs(argv);
    const [command, ...positional] = args.positional;
    args.positional = positional;
    if (args.flags.has('--version')) {
      out(VERSION);
      return 0;
    }
    if (!command || (args.flags.has('--help') && !(command in HELP))) {
      (command || args.flags.has('--help') ? out : err)(HELP.main ?? '');
      return command || args.flags.has('--help') ? 0 : 2;
    }
    if (args.flags.has('--help')) {
      out(HELP[command] ?? HELP.main ?? '');
      return 0;
    }
    switch (command) {
      case 'convert':
        return await convert(args, err);
      case 'validate':
        return await validate(args, out);
      case 'stats':
        return await stats(args, out);
      case 'feed':
        return await feedCommand(argv, { err });
      case 'render':
        return await renderCommand(argv, { err });
      case 'index':
        return await indexCommand(argv, { err });
      default:
        throw new UsageError(`Unknown command "${command}". Commands: convert, validate, stats, feed, render, index.`);
    }
  } catch (e) {
    return commandFailed(e, 'paper-corpus --help', err);
  }
}

// Run when executed directly (not when imported by tests).
const entry = process.argv[1];
if (entry && /paper-corpus(\.js)?$/.test(entry)) {
  // `paper-corpus stats x | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
