#!/usr/bin/env node
// Generates the framework declarations shipped in the package, from custom-elements.json:
//   dist/jsx.d.ts  (`paper-feed-elements/jsx`): the props and `on<event-name>` handlers of each
//                  element for JSX (React 19, Preact…), as a `CustomElements` type to merge into
//                  the framework's JSX.IntrinsicElements. Written by break-stuff's
//                  custom-element-jsx-integration.
//   dist/vue.d.ts  (`paper-feed-elements/vue`): adds the elements to Vue's GlobalComponents for
//                  template type-checking (vue-tsc, Vue language tools), in the form Vue's guide
//                  gives for custom elements not built with Vue ($props from the element class,
//                  $emit from the events). Written here: custom-element-vuejs-integration's output
//                  types `onpaper-load` and `page-size`, which Vue templates never look up (Vue
//                  reads `@paper-load` as `onPaperLoad` and `page-size` as `pageSize`).
// Prop types come from the element classes (`PaperFeed['sort']`, imported from ./index.js), event
// detail types from the `HTMLElementEventMap` declarations in src/components/shared/events.ts (our
// @fires tags carry no type). Run after `npm run analyze` and `npm run build:esm`: it writes into
// dist/ (`npm run build:types`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';

const OUT = 'dist';
const problems = [];
const fail = (message) => {
  console.error(message);
  process.exit(1);
};

if (!existsSync('custom-elements.json')) fail('custom-elements.json is missing: run `npm run analyze` first.');
if (!existsSync(`${OUT}/index.d.ts`)) fail(`${OUT}/index.d.ts is missing: run \`npm run build:esm\` first (the declarations import the element classes from it).`);

// 'paper-load': CustomEvent<PaperLoadDetail>;  ->  paper-load => PaperLoadDetail
const eventsSource = readFileSync('src/components/shared/events.ts', 'utf8');
const detailTypes = new Map([...eventsSource.matchAll(/['"]([a-z][\w-]*)['"]\s*:\s*CustomEvent<\s*(\w+)\s*>/g)].map((m) => [m[1], m[2]]));
if (!/export type \* from '\.\/components\/shared\/events\.js'/.test(readFileSync(`${OUT}/index.d.ts`, 'utf8'))) {
  problems.push(`${OUT}/index.d.ts does not re-export the event detail types (${[...detailTypes.values()].join(', ')})`);
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
/** The custom elements with a tag, members trimmed to what a template can set, events typed. */
const elements = [];
for (const mod of manifest.modules ?? []) {
  for (const decl of mod.declarations ?? []) {
    if (!decl.customElement) continue;
    // Getters without setters (loadedPapers, shownPapers, targets, effectiveLocale) are not props.
    decl.members = (decl.members ?? []).filter((m) => !(m.kind === 'field' && m.readonly));
    if (!decl.tagName) continue;
    for (const event of decl.events ?? []) {
      // The generators want the detail type. The analyzer writes `CustomEvent` for an event it saw
      // dispatched without a type argument; a `@fires {CustomEvent<X>}` tag gives X.
      const given = event.type?.text?.trim();
      const detail = detailTypes.get(event.name) ?? given?.match(/^CustomEvent<\s*(\w+)\s*>$/)?.[1] ?? (/^\w+$/.test(given ?? '') && !/^(Custom)?Event$/.test(given) ? given : undefined);
      if (detail) event.type = { text: detail };
      else problems.push(`<${decl.tagName}> fires ${event.name}, which has no CustomEvent<…> entry in the HTMLElementEventMap of src/components/shared/events.ts`);
    }
    elements.push(decl);
  }
}
elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
const indexTypes = readFileSync(`${OUT}/index.d.ts`, 'utf8');
for (const el of elements) {
  if (!new RegExp(`export \\{[^}]*\\b${el.name}\\b`).test(indexTypes)) problems.push(`${OUT}/index.d.ts does not export ${el.name} (<${el.tagName}>): export it from src/index.ts, or rebuild (npm run build:esm)`);
}
if (problems.length) fail(problems.join('\n'));

// --- JSX ---------------------------------------------------------------------------------------
// The generator prints a success line even with hideLogs.
const log = console.log;
console.log = () => {};
try {
  generateJsxTypes(structuredClone(manifest), { outdir: OUT, fileName: 'jsx.d.ts', globalTypePath: './index.js', hideLogs: true });
} finally {
  console.log = log;
}

// --- Vue ---------------------------------------------------------------------------------------
const doc = (text, indent = '') => {
  const lines = String(text ?? '').trim().replace(/\*\//g, '*\\/').split('\n');
  return lines[0] ? `${indent}/**\n${lines.map((l) => `${indent} * ${l.trim()}`.trimEnd()).join('\n')}\n${indent} */\n` : '';
};
const settable = (el) =>
  (el.members ?? [])
    .filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'))
    .map((m) => m.name);
const detailNames = [...new Set(elements.flatMap((el) => (el.events ?? []).map((e) => e.type.text)))].sort();
const vue = [
  '// Generated by scripts/framework-types.mjs from custom-elements.json. Do not edit.',
  '//',
  '// Vue template types for the elements: add `/// <reference types="paper-feed-elements/vue" />` to a',
  "// .d.ts file of your app (or `\"types\": [\"paper-feed-elements/vue\"]` to tsconfig.json), and tell Vue's",
  "// template compiler that tags starting with `paper-` are custom elements (compilerOptions.isCustomElement).",
  '// The pattern is the one of https://vuejs.org/guide/extras/web-components.html (non-Vue web components',
  '// and TypeScript): properties are typed from the element classes, events from their detail types.',
  "import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';",
  `import type { ${[...elements.map((el) => el.name), ...detailNames].join(', ')} } from './index.js';`,
  '',
  'type EventMap = Record<string, Event>;',
  'type VueEmit<Events extends EventMap> = EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;',
  '',
  '/** A custom element as Vue templates see it: the chosen properties as props, the events as emits. */',
  'export type DefineCustomElement<Element extends HTMLElement, Events extends EventMap, Props extends keyof Element> = new () => Element & {',
  '  /** @deprecated Only for template type-checking: elements have no `$props`. */',
  '  $props: HTMLAttributes & Partial<Pick<Element, Props>> & PublicProps;',
  '  /** @deprecated Only for template type-checking: elements have no `$emit`. */',
  '  $emit: VueEmit<Events>;',
  '};',
  '',
];
for (const el of elements) {
  vue.push(`/** The events of \`<${el.tagName}>\`. */`);
  vue.push(`export interface ${el.name}Events {`);
  for (const e of el.events ?? []) vue.push(`${doc(e.description, '  ')}  '${e.name}': CustomEvent<${e.type.text}>;`);
  vue.push('}', '');
  vue.push(`/** The properties of \`<${el.tagName}>\` a template can set (as \`prop\`, \`prop-name\` or \`.prop\`). */`);
  vue.push(`export type ${el.name}Props = ${settable(el).map((n) => `'${n}'`).join(' | ') || 'never'};`, '');
}
vue.push("declare module 'vue' {", '  interface GlobalComponents {');
for (const el of elements) {
  vue.push(`${doc(el.summary || el.description, '    ')}    '${el.tagName}': DefineCustomElement<${el.name}, ${el.name}Events, ${el.name}Props>;`);
}
vue.push('  }', '}', '');
writeFileSync(`${OUT}/vue.d.ts`, vue.join('\n'));

// Runtime modules for the two type-only entry points, so an `import 'paper-feed-elements/vue'`
// resolves under every tool (they export nothing and register nothing).
const stub = '// Types only (see the .d.ts file next to this one). Importing this module does nothing.\nexport {};\n';
writeFileSync(`${OUT}/jsx.js`, stub);
writeFileSync(`${OUT}/vue.js`, stub);

for (const file of ['jsx.d.ts', 'vue.d.ts']) {
  const text = readFileSync(`${OUT}/${file}`, 'utf8');
  if (text.includes('CustomEvent<never>')) problems.push(`${OUT}/${file} has an untyped event (CustomEvent<never>)`);
  for (const el of elements) if (!text.includes(`"${el.tagName}":`) && !text.includes(`'${el.tagName}':`)) problems.push(`${OUT}/${file} does not declare <${el.tagName}>`);
}
if (problems.length) fail(problems.join('\n'));
console.log(`Framework types for ${elements.map((el) => `<${el.tagName}>`).join(', ')}: ${OUT}/jsx.d.ts (JSX), ${OUT}/vue.d.ts (Vue).`);
