/// <reference types="node" />
/** Argument parsing and input reading shared by the `paper-corpus` commands that take their own options. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadCorpusText } from '../data/parse.js';
import { mergeCorpora, type LoadedResult } from '../data/merge.js';
import type { CorpusFormat, Paper } from '../data/types.js';

/** A mistake in the command line: reported with usage help and exit status 2. */
export class CliUsageError extends Error {}

/**
 * Reports what stopped a command and returns its exit status: 2 with a pointer to `help` for a
 * usage mistake, 1 for anything else.
 */
export function commandFailed(e: unknown, help: string, err: (line: string) => void): number {
  if (e instanceof CliUsageError) {
    err(`paper-corpus: ${e.message}\nRun "${help}" for usage.`);
    return 2;
  }
  err(`paper-corpus: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
}

export interface CommandArgs {
  inputs: string[];
  flags: Map<string, string | true>;
}

export interface ArgSpec {
  /** Options that take a value (`--limit 5` or `--limit=5`), by long name. */
  values: ReadonlySet<string>;
  /** Options without a value, by long name. */
  booleans: ReadonlySet<string>;
  /** Short names → long names. */
  aliases: Readonly<Record<string, string>>;
}

/** Parses `argv`, which may start with the command word itself (skipped once). */
export function parseCommandArgs(argv: readonly string[], command: string, spec: ArgSpec): CommandArgs {
  const inputs: string[] = [];
  const flags = new Map<string, string | true>();
  let commandSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      inputs.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const rawName = eq > 0 ? arg.slice(0, eq) : arg;
      const name = spec.aliases[rawName] ?? rawName;
      if (spec.values.has(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : i + 1 < argv.length ? argv[++i] : undefined;
        if (value === undefined) throw new CliUsageError(`${rawName} needs a value.`);
        flags.set(name, value);
      } else if (spec.booleans.has(name)) {
        flags.set(name, true);
      } else {
        throw new CliUsageError(`Unknown option "${rawName}" for ${command}.`);
      }
    } else if (!commandSeen && arg === command) {
      commandSeen = true;
    } else {
      inputs.push(arg);
    }
  }
  return { inputs, flags };
}

/** The value of an option that takes one, or undefined. */
export function stringFlag(args: CommandArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Reads a file, or standard input for `-`; a missing file is a usage error. */
export async function readInput(path: string): Promise<string> {
  if (path !== '-') {
    try {
      return await readFile(path, 'utf8');
    } catch {
      throw new CliUsageError(`No such file: ${path}`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Corpora read by `loadInputs`. */
export interface LoadedInputs {
  /** Each file that could be read, in order. */
  loaded: LoadedResult[];
  /** Their papers, merged when there are several files (the same paper shows once). */
  papers: Paper[];
  /** Records that could not be read, over all files. */
  rejected: number;
}

/**
 * Reads every input (a file, or `-` for standard input) in any format the loader reads, reporting
 * each file that is not a corpus on `err`; undefined when none could be read.
 */
export async function loadInputs(paths: readonly string[], format: CorpusFormat | 'auto' | undefined, err: (line: string) => void): Promise<LoadedInputs | undefined> {
  const loaded: LoadedResult[] = [];
  let rejected = 0;
  for (const path of paths) {
    const result = await loadCorpusText(await readInput(path), { format, fileName: basename(path) });
    if (!result.ok) {
      err(`paper-corpus: ${path}: ${result.message}`);
      continue;
    }
    rejected += result.problems.filter((p) => p.severity === 'error').length;
    loaded.push(result);
  }
  if (!loaded.length) return undefined;
  return { loaded, rejected, papers: loaded.length === 1 ? (loaded[0]?.papers ?? []) : mergeCorpora(loaded).papers };
}
