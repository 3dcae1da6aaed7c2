/// <reference types="node" />
/**
 * `paper-corpus feed`: writes an RSS 2.0, Atom 1.0 or JSON Feed 1.1 file from any corpus the
 * loader reads (native, Hugging Face, BibTeX, CSL-JSON, arXiv…), with the pure builders of
 * src/data/syndication.ts.
 *
 *   paper-corpus feed papers.json --format atom -o feed.atom --link https://lab.example.org/ \
 *     --feed-url https://lab.example.org/feed.atom --limit 30
 *
 * It reads its own options (its `--format` is the feed format, and it takes value options the
 * other commands do not), from the arguments after the command word.
 */
import { CliUsageError, commandFailed, loadInputs, parseCommandArgs, stringFlag, type CommandArgs } from './args.js';
import { writeFile } from 'node:fs/promises';
import { safeUrl } from '../data/text.js';
import { CORPUS_FORMATS, type CorpusFormat } from '../data/types.js';
import { DEFAULT_FEED_LIMIT, FEED_FORMATS, buildFeed, isFeedFormat, type FeedFormat, type FeedOptions } from '../data/syndication.js';

export const FEED_HELP = `Usage: paper-corpus feed <corpus...> --format rss|atom|json [-o file] [options]

Writes the newest papers of a corpus (any format the loader reads; several files are merged) as an
RSS 2.0, Atom 1.0 or JSON Feed 1.1 feed, to standard output without -o. Newest first by the day a
paper was listed (else its publication date); each item has the title, a link (paper page, arXiv or
DOI), a stable id (arXiv or DOI URL, else a tag: URI), dates, authors, the abstract as text and the
tags and keywords as categories.

Options:
  --format <rss|atom|json>  Feed format (required)
  -o, --output <file>       Where to write the feed (default: standard output)
  --limit <n>               How many papers (default: ${DEFAULT_FEED_LIMIT})
  --trending                Most upvoted first instead of newest first
  --title <text>            Feed title (default: the corpus title, else "Papers")
  --link <url>              The site the feed belongs to (http/https)
  --feed-url <url>          Where the feed will be published (http/https): the self link
  --description <text>      Feed description (default: the title)
  --language <code>         Feed language, e.g. en
  --input-format <name>     Force the input format (${CORPUS_FORMATS.join(', ')})
  -q, --quiet               No summary on standard error`;

const FeedUsageError = CliUsageError;

const VALUE_FLAGS = new Set(['--output', '--format', '--limit', '--title', '--link', '--feed-url', '--description', '--language', '--input-format']);
const BOOLEAN_FLAGS = new Set(['--trending', '--quiet', '--help']);
const ALIASES: Record<string, string> = { '-o': '--output', '-q': '--quiet', '-h': '--help' };

type FeedArgs = CommandArgs;

/** Parses the arguments; `argv` may start with the command word `feed`, which is skipped. */
export function parseFeedArgs(argv: readonly string[]): FeedArgs {
  return parseCommandArgs(argv, 'feed', { values: VALUE_FLAGS, booleans: BOOLEAN_FLAGS, aliases: ALIASES });
}


function urlFlag(args: FeedArgs, name: string): string | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  const url = safeUrl(v);
  if (!url || !/^https?:\/\//i.test(v.trim())) throw new FeedUsageError(`${name} needs an absolute http(s) URL, got "${v}".`);
  return url;
}

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' };

/** Options of the feed builder from the parsed arguments (without title defaults from the corpus). */
export function feedOptions(args: FeedArgs): { format: FeedFormat; options: FeedOptions } {
  const format = stringFlag(args, '--format');
  if (format === undefined) throw new FeedUsageError(`feed needs --format (${FEED_FORMATS.join(', ')}).`);
  if (!isFeedFormat(format)) throw new FeedUsageError(`Unknown feed format "${format}". Feed formats: ${FEED_FORMATS.join(', ')}.`);
  const limitFlag = stringFlag(args, '--limit');
  const limit = limitFlag === undefined ? DEFAULT_FEED_LIMIT : Number(limitFlag);
  if (!Number.isInteger(limit) || limit < 1) throw new FeedUsageError('--limit needs a positive whole number.');
  const options: FeedOptions = { limit, order: args.flags.has('--trending') ? 'trending' : 'date' };
  const title = stringFlag(args, '--title');
  if (title !== undefined) options.title = title;
  const description = stringFlag(args, '--description');
  if (description !== undefined) options.description = description;
  const language = stringFlag(args, '--language');
  if (language !== undefined) {
    if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(language)) throw new FeedUsageError(`--language needs a language code like "en" or "de-CH", got "${language}".`);
    options.language = language;
  }
  const link = urlFlag(args, '--link');
  if (link) options.link = link;
  const feedUrl = urlFlag(args, '--feed-url');
  if (feedUrl) options.feedUrl = feedUrl;
  return { format, options };
}

function inputFormat(args: FeedArgs): CorpusFormat | 'auto' {
  const f = stringFlag(args, '--input-format');
  if (f === undefined || f === 'auto') return 'auto';
  if ((CORPUS_FORMATS as readonly string[]).includes(f)) return f as CorpusFormat;
  throw new FeedUsageError(`Unknown input format "${f}". Known formats: ${CORPUS_FORMATS.join(', ')}.`);
}

/**
 * Runs `paper-corpus feed` with the raw arguments (the command word may come first). Returns the
 * exit status: 0 written, 1 no input could be read, 2 usage error.
 */
export async function feedCommand(argv: readonly string[], io: { out?: (text: string) => void; err?: (line: string) => void } = {}): Promise<number> {
  const out = io.out ?? ((text: string) => process.stdout.write(text));
  const err = io.err ?? ((line: string) => process.stderr.write(line + '\n'));
  try {
    const args = parseFeedArgs(argv);
    if (args.flags.has('--help') || args.flags.has('-h')) {
      out(FEED_HELP + '\n');
      return 0;
    }
    const { format, options } = feedOptions(args);
    if (!args.inputs.length) throw new FeedUsageError('feed needs a corpus file (or - for standard input).');
    const quiet = args.flags.has('--quiet');
    const forced = inputFormat(args);
    const inputs = await loadInputs(args.inputs, forced, err);
    if (!inputs) return 1;
    const { loaded, rejected } = inputs;
    const papers = inputs.papers;
    if (options.title === undefined) {
      const corpusTitle = loaded.find((r) => r.title)?.title;
      if (corpusTitle) options.title = corpusTitle;
    }
    const text = buildFeed(papers, format, options);
    const output = stringFlag(args, '--output');
    if (output !== undefined) await writeFile(output, text);
    else out(text);
    if (!quiet) {
      const shown = Math.min(papers.length, options.limit ?? DEFAULT_FEED_LIMIT);
      err(
        `Wrote ${shown} of ${papers.length} papers (${options.order === 'trending' ? 'most upvoted' : 'newest'} first) as ${FORMAT_NAMES[format]}${output !== undefined ? ` to ${output}` : ''}${rejected ? `; ${rejected} records could not be read` : ''}.`,
      );
      if (format === 'rss' && !options.link && !options.feedUrl) err('Note: without --link (or --feed-url) the RSS channel has no <link>, which RSS 2.0 requires.');
    }
    return 0;
  } catch (e) {
    return commandFailed(e, 'paper-corpus feed --help', err);
  }
}
